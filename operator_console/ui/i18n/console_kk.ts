<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>AdminScreen</name>
    <message>
        <source>Users</source>
        <translation>Пайдаланушылар</translation>
    </message>
    <message>
        <source>Kiosks</source>
        <translation>Киоскілер</translation>
    </message>
    <message>
        <source>Banks and rosters</source>
        <translation>Банктер мен тізімдер</translation>
    </message>
    <message>
        <source>Item statistics</source>
        <translation>Сұрақ статистикасы</translation>
    </message>
    <message>
        <source>Audit chain</source>
        <translation>Аудит тізбегі</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>Check the audit chain (and ask the central system)</source>
        <translation>Аудит тізбегін тексеру (орталық жүйеден де сұрау)</translation>
    </message>
    <message>
        <source>it holds the same head</source>
        <translation>онда дәл осы тізбек басы бар</translation>
    </message>
    <message>
        <source>it holds a DIFFERENT head: history was rewritten</source>
        <translation>онда БАСҚА тізбек басы: тарих қайта жазылған</translation>
    </message>
    <message>
        <source>it holds a LATER head: the chain&apos;s last entries were removed</source>
        <translation>онда КЕЙІНГІ тізбек басы бар: тізбектің соңғы жазбалары жойылған</translation>
    </message>
    <message>
        <source>it had no record of the head the hall says it sent</source>
        <translation>зал жібердім деген тізбек басы онда жоқ</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>сұралмады</translation>
    </message>
    <message>
        <source>it has acknowledged no head yet</source>
        <translation>әлі бір де тізбек басын растамаған</translation>
    </message>
    <message>
        <source>no answer (%1)</source>
        <translation>жауап жоқ (%1)</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Әлі тексерілмеді.</translation>
    </message>
    <message>
        <source>The chain holds: %1 entries. The central system: %2</source>
        <translation>Тізбек бүтін: %1 жазба. Орталық жүйе: %2</translation>
    </message>
    <message>
        <source>Broken at entry %1: %2 by %3, %4</source>
        <translation>%1-жазбада үзілген: %2, кім: %3, %4</translation>
    </message>
    <message>
        <source>The chain was cut short: the central system holds a later head.</source>
        <translation>Тізбек қысқартылған: орталық жүйеде кейінгі тізбек басы бар.</translation>
    </message>
    <message>
        <source>The chain was rewritten: the central system holds another head.</source>
        <translation>Тізбек қайта жазылған: орталық жүйеде басқа тізбек басы бар.</translation>
    </message>
    <message>
        <source>Entries: %1</source>
        <translation>Жазбалар: %1</translation>
    </message>
    <message>
        <source>Head: %1</source>
        <translation>Тізбек басы: %1</translation>
    </message>
    <message>
        <source>First broken entry: %1 (%2)</source>
        <translation>Алғашқы бұзылған жазба: %1 (%2)</translation>
    </message>
    <message>
        <source>The central system has acknowledged no head yet.</source>
        <translation>Орталық жүйе әлі бір де тізбек басын растамаған.</translation>
    </message>
    <message>
        <source>Last head acknowledged upstream: entry %1, %2, at %3</source>
        <translation>Орталық жүйе растаған соңғы бас: %1-жазба, %2, уақыты %3</translation>
    </message>
    <message>
        <source>It matches the chain.</source>
        <translation>Ол тізбекпен сәйкес.</translation>
    </message>
    <message>
        <source>It does NOT match the chain.</source>
        <translation>Ол тізбекпен СӘЙКЕС ЕМЕС.</translation>
    </message>
    <message>
        <source>The central system: %1</source>
        <translation>Орталық жүйе: %1</translation>
    </message>
</context>
<context>
    <name>BanksTab</name>
    <message>
        <source>Loaded banks</source>
        <translation>Жүктелген банктер</translation>
    </message>
    <message>
        <source>Refused packages</source>
        <translation>Қабылданбаған пакеттер</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Бағдарлама</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Банк</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Нұсқа</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Сұрақтар</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Тілдер</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Себебі</translation>
    </message>
    <message>
        <source>Load a bank package…</source>
        <translation>Банк пакетін жүктеу…</translation>
    </message>
    <message>
        <source>Fetch today&apos;s roster</source>
        <translation>Бүгінгі тізімді алу</translation>
    </message>
    <message>
        <source>Import a signed roster…</source>
        <translation>Қол қойылған тізімді импорттау…</translation>
    </message>
    <message>
        <source>Load a bank package</source>
        <translation>Банк пакетін жүктеу</translation>
    </message>
    <message>
        <source>Bank packages (*.hallbank)</source>
        <translation>Банк пакеттері (*.hallbank)</translation>
    </message>
    <message>
        <source>Loaded %1 %2: %3, %4 questions</source>
        <translation>Жүктелді %1 %2: %3, %4 сұрақ</translation>
    </message>
    <message>
        <source>Roster taken: %1 sessions, %2 candidates</source>
        <translation>Тізім алынды: %1 сессия, %2 үміткер</translation>
    </message>
    <message>
        <source>Import a signed roster</source>
        <translation>Қол қойылған тізімді импорттау</translation>
    </message>
    <message>
        <source>Rosters (*.json)</source>
        <translation>Тізімдер (*.json)</translation>
    </message>
    <message>
        <source>%1 is not a signed roster file</source>
        <translation>%1 — қол қойылған тізім файлы емес</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>Enrollment code for seat %1</source>
        <translation>%1 орнының тіркеу коды</translation>
    </message>
    <message>
        <source>Resume code for seat %1</source>
        <translation>%1 орнына жалғастыру коды</translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation>Орын %1</translation>
    </message>
    <message>
        <source>Type it at the new kiosk (hall-provision kiosk --code). Valid until %1, for one kiosk.</source>
        <translation>Оны жаңа киоскіде теріңіз (hall-provision kiosk --code). %1 дейін жарамды, бір киоск үшін.</translation>
    </message>
    <message>
        <source>Type it at the seat. Valid until %1, for one use.</source>
        <translation>Орында енгізіңіз. %1 дейін, бір рет жарамды.</translation>
    </message>
</context>
<context>
    <name>ConsoleModel</name>
    <message>
        <source>The room server does not answer; the picture is kept.</source>
        <translation>Зал сервері жауап бермейді; көрініс сақталды.</translation>
    </message>
    <message>
        <source>Your sign-in has ended: %1. Sign in again.</source>
        <translation>Кіруіңіз аяқталды: %1. Қайта кіріңіз.</translation>
    </message>
    <message>
        <source>Session started: admission is closed</source>
        <translation>Сессия басталды: жіберу жабық</translation>
    </message>
    <message>
        <source>The room is paused: every running seat&apos;s clock is stopped</source>
        <translation>Залда үзіліс: барлық орындарда уақыт тоқтатылды</translation>
    </message>
    <message>
        <source>The room is resumed: every seat got its time back</source>
        <translation>Зал жалғасуда: барлық орындарға уақыт қайтарылды</translation>
    </message>
    <message>
        <source>%1 already admitted by %2 at %3</source>
        <translation>%1 бұрын тестілеуге жіберілген (жіберген: %2, уақыты: %3)</translation>
    </message>
    <message>
        <source>no seat yet</source>
        <translation>орын берілмеді</translation>
    </message>
    <message>
        <source>%1 admitted: seat %2</source>
        <translation>%1 жіберілді: Орын %2</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1: жіберуден бас тартылды: %2</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <translation>%1: жіберуден бас тартылды</translation>
    </message>
    <message>
        <source>Seat %1 paused</source>
        <translation>%1 орнында үзіліс</translation>
    </message>
    <message>
        <source>Seat %1: %2 min</source>
        <translation>Орын %1: %2 мин</translation>
    </message>
    <message>
        <source>Seat %1: the test is terminated</source>
        <translation>Орын %1: тестілеу тоқтатылды</translation>
    </message>
    <message>
        <source>already, by %1</source>
        <translation>бұрын тоқтатқан: %1</translation>
    </message>
    <message>
        <source>annulment and a ban of 6 to 12 months proposed to the proctor</source>
        <translation>прокторға күшін жою және 6–12 айға тыйым ұсынылды</translation>
    </message>
    <message>
        <source>Moved from %1 to %2</source>
        <translation>%1 орнынан %2 орнына ауыстырылды</translation>
    </message>
    <message>
        <source>Incident recorded</source>
        <translation>Оқиға жазылды</translation>
    </message>
    <message>
        <source>The record is queued again</source>
        <translation>Жазба қайта кезекке қойылды</translation>
    </message>
</context>
<context>
    <name>ConsoleTexts</name>
    <message>
        <source>Environment</source>
        <translation>Жағдай</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Үміткер</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Қызметкерлер</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Техника</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Басқа</translation>
    </message>
    <message>
        <source>Kiosk lockdown</source>
        <translation>Киоск қорғанысы</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Proctoring</source>
        <translation>Прокторинг</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>Шу</translation>
    </message>
    <message>
        <source>Disturbance</source>
        <translation>Кедергі</translation>
    </message>
    <message>
        <source>Power cut</source>
        <translation>Электр өшуі</translation>
    </message>
    <message>
        <source>Fire alarm</source>
        <translation>Өрт дабылы</translation>
    </message>
    <message>
        <source>Comfort (heat, light, toilet)</source>
        <translation>Жағдай (ыстық, жарық, дәретхана)</translation>
    </message>
    <message>
        <source>Illness</source>
        <translation>Нашар сезіну</translation>
    </message>
    <message>
        <source>Help requested</source>
        <translation>Көмек сұрады</translation>
    </message>
    <message>
        <source>Identity doubt</source>
        <translation>Жеке басына күмән</translation>
    </message>
    <message>
        <source>Talking</source>
        <translation>Сөйлесу</translation>
    </message>
    <message>
        <source>Materials exchanged</source>
        <translation>Материал берісу</translation>
    </message>
    <message>
        <source>Device found</source>
        <translation>Құрылғы табылды</translation>
    </message>
    <message>
        <source>Left the seat</source>
        <translation>Орнынан кетті</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Кешігу</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>Келмеді</translation>
    </message>
    <message>
        <source>Staff error</source>
        <translation>Қызметкер қатесі</translation>
    </message>
    <message>
        <source>Kiosk frozen</source>
        <translation>Киоск қатып қалды</translation>
    </message>
    <message>
        <source>Kiosk silent</source>
        <translation>Киоск жауап бермейді</translation>
    </message>
    <message>
        <source>Kiosk dead</source>
        <translation>Киоск істен шықты</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Желі</translation>
    </message>
    <message>
        <source>Metal detector</source>
        <translation>Металл детекторы</translation>
    </message>
    <message>
        <source>Test window lost focus</source>
        <translation>Тест терезесі фокустан шықты</translation>
    </message>
    <message>
        <source>Second screen connected</source>
        <translation>Екінші экран қосылған</translation>
    </message>
    <message>
        <source>Prohibited program running</source>
        <translation>Тыйым салынған бағдарлама іске қосылған</translation>
    </message>
    <message>
        <source>Kiosk restarted after a failure</source>
        <translation>Киоск ақаудан кейін қайта қосылды</translation>
    </message>
    <message>
        <source>Virtual machine</source>
        <translation>Виртуалды машина</translation>
    </message>
    <message>
        <source>Remote session</source>
        <translation>Қашықтағы сеанс</translation>
    </message>
    <message>
        <source>Blocked shortcut pressed</source>
        <translation>Тыйым салынған пернелер басылды</translation>
    </message>
    <message>
        <source>Tried to close the test</source>
        <translation>Тестті жабуға әрекет</translation>
    </message>
    <message>
        <source>Candidate says: not me</source>
        <translation>Үміткер: «бұл мен емеспін»</translation>
    </message>
    <message>
        <source>Camera check failed</source>
        <translation>Камераны тексеру өтпеді</translation>
    </message>
    <message>
        <source>Camera lost</source>
        <translation>Камера жоғалды</translation>
    </message>
    <message>
        <source>Camera picture frozen</source>
        <translation>Камера суреті қатып қалды</translation>
    </message>
    <message>
        <source>Recording failed: a segment was lost</source>
        <translation>Жазу үзілді: бір бөлігі жоғалды</translation>
    </message>
    <message>
        <source>Recording works again</source>
        <translation>Жазу қайта жұмыс істейді</translation>
    </message>
    <message>
        <source>No face in view</source>
        <translation>Бет кадрда жоқ</translation>
    </message>
    <message>
        <source>Two or more faces</source>
        <translation>Екі не одан көп бет</translation>
    </message>
    <message>
        <source>Paused by the operator</source>
        <translation>Оператор үзілісі</translation>
    </message>
    <message>
        <source>Room paused</source>
        <translation>Залда үзіліс</translation>
    </message>
    <message>
        <source>Moved here, waiting for the code</source>
        <translation>Осында ауыстырылды, кодты күтуде</translation>
    </message>
    <message>
        <source>submitted by the candidate</source>
        <translation>үміткер тапсырды</translation>
    </message>
    <message>
        <source>time ran out</source>
        <translation>уақыт бітті</translation>
    </message>
    <message>
        <source>terminated by the operator</source>
        <translation>оператор тоқтатты</translation>
    </message>
    <message>
        <source>free</source>
        <translation>бос</translation>
    </message>
    <message>
        <source>seated</source>
        <translation>отырғызылды</translation>
    </message>
    <message>
        <source>in test</source>
        <translation>тестте</translation>
    </message>
    <message>
        <source>between parts</source>
        <translation>бөліктер арасында</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>бұғатталған</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>аяқтады</translation>
    </message>
    <message>
        <source>terminated</source>
        <translation>тоқтатылды</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the code of this catalogue&apos;s language</comment>
        <translation>kk</translation>
    </message>
    <message>
        <source>May be admitted</source>
        <translation>Жіберуге болады</translation>
    </message>
    <message>
        <source>Invalid IIN: %1</source>
        <translation>ЖСН қате: %1</translation>
    </message>
    <message>
        <source>The IIN on the document does not match the roster</source>
        <translation>Құжаттағы ЖСН тізіммен сәйкес емес</translation>
    </message>
    <message>
        <source>Not on this session&apos;s roster for %1</source>
        <translation>Осы сессия тізімінде жоқ: %1</translation>
    </message>
    <message>
        <source>Banned from testing until %1</source>
        <translation>%1 дейін тестілеуге тыйым салынған</translation>
    </message>
    <message>
        <source>Late: admission closed at %1 (%2 min ago)</source>
        <translation>Кешікті: жіберу %1-де жабылды (%2 мин бұрын)</translation>
    </message>
    <message>
        <source>Retake too soon: %1 allowed from %2</source>
        <translation>Қайта тапсыру тым ерте: %1 — %2 бастап</translation>
    </message>
    <message>
        <source>%1: %2 attempts already this month</source>
        <translation>%1: осы айда %2 әрекет жасалды</translation>
    </message>
    <message>
        <source>Already admitted (seat %1)</source>
        <translation>Жіберілген (Орын %1)</translation>
    </message>
    <message>
        <source>Already refused</source>
        <translation>Бас тартылған</translation>
    </message>
    <message>
        <source>The session is closed</source>
        <translation>Сессия жабық</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>ТАЗА</translation>
    </message>
    <message>
        <source>ALARM</source>
        <translation>ДАБЫЛ</translation>
    </message>
    <message>
        <source>FAULT</source>
        <translation>АҚАУ</translation>
    </message>
    <message>
        <source>TAMPER</source>
        <translation>АШЫЛУ</translation>
    </message>
    <message>
        <source>status</source>
        <translation>күйі</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>қосылды</translation>
    </message>
    <message>
        <source>online</source>
        <translation>байланыста</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>қосылуда</translation>
    </message>
    <message>
        <source>offline, reconnecting</source>
        <translation>байланыс жоқ, қайта қосылуда</translation>
    </message>
    <message>
        <source>fault</source>
        <translation>ақау</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>тоқтатылды</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>бапталмаған</translation>
    </message>
    <message>
        <source>admitted</source>
        <translation>жіберілді</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>бас тартылды</translation>
    </message>
    <message>
        <source>seat locked</source>
        <translation>орын бұғатталды</translation>
    </message>
    <message>
        <source>seat paused</source>
        <translation>орында үзіліс</translation>
    </message>
    <message>
        <source>resume code issued</source>
        <translation>жалғастыру коды берілді</translation>
    </message>
    <message>
        <source>seat resumed</source>
        <translation>орын жалғасты</translation>
    </message>
    <message>
        <source>wrong resume code</source>
        <translation>жалғастыру коды қате</translation>
    </message>
    <message>
        <source>code typed during room pause</source>
        <translation>код зал үзілісі кезінде енгізілді</translation>
    </message>
    <message>
        <source>time changed</source>
        <translation>уақыт өзгертілді</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>ауыстырылды</translation>
    </message>
    <message>
        <source>session started</source>
        <translation>сессия басталды</translation>
    </message>
    <message>
        <source>room paused</source>
        <translation>залда үзіліс</translation>
    </message>
    <message>
        <source>room resumed</source>
        <translation>зал жалғасты</translation>
    </message>
    <message>
        <source>test begun</source>
        <translation>тест басталды</translation>
    </message>
    <message>
        <source>test finished</source>
        <translation>тест аяқталды</translation>
    </message>
    <message>
        <source>kiosk incident</source>
        <translation>киоск оқиғасы</translation>
    </message>
    <message>
        <source>incident logged</source>
        <translation>оқиға жазылды</translation>
    </message>
    <message>
        <source>alert acknowledged</source>
        <translation>белгі қабылданды</translation>
    </message>
    <message>
        <source>walk-through PASS</source>
        <translation>рамка: ТАЗА</translation>
    </message>
    <message>
        <source>walk-through ALARM</source>
        <translation>рамка: ДАБЫЛ</translation>
    </message>
    <message>
        <source>detector FAULT</source>
        <translation>детектор ақауы</translation>
    </message>
    <message>
        <source>detector TAMPER</source>
        <translation>детектор ашылды</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>Sessions</source>
        <translation>Сессиялар</translation>
    </message>
    <message>
        <source>Admission desk</source>
        <translation>Жіберу</translation>
    </message>
    <message>
        <source>Live hall</source>
        <translation>Зал</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Тексеріс</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Жеткізу</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Әкімшілік</translation>
    </message>
    <message>
        <source>Testing hall console</source>
        <translation>Тестілеу залының консолі</translation>
    </message>
    <message>
        <source>Testing hall</source>
        <translation>Тестілеу залы</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>оператор</translation>
    </message>
    <message>
        <source>proctor</source>
        <translation>проктор</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>әкімші</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <source>Session report…</source>
        <translation>Сессия есебі…</translation>
    </message>
    <message>
        <source>Signed out by the server: sign in again. The picture below is the last one seen.</source>
        <translation>Сервер кіруді аяқтады: қайта кіріңіз. Төменде соңғы алынған көрініс.</translation>
    </message>
    <message>
        <source>No answer from the room server: the picture below is the last one seen (stale). Retrying…</source>
        <translation>Зал сервері жауап бермейді: төменде соңғы алынған көрініс (ескірген). Қайталап көреміз…</translation>
    </message>
    <message>
        <source>Connecting to the room server…</source>
        <translation>Зал серверіне қосылу…</translation>
    </message>
    <message>
        <source>Sync: not known (no answer from the room server)</source>
        <translation>Жеткізу: белгісіз (зал серверінен жауап жоқ)</translation>
    </message>
    <message>
        <source>Sync: on time</source>
        <translation>Жеткізу: уақытында</translation>
    </message>
    <message>
        <source>Sync: slow</source>
        <translation>Жеткізу: баяу</translation>
    </message>
    <message>
        <source>Sync: ALARM</source>
        <translation>Жеткізу: ДАБЫЛ</translation>
    </message>
    <message>
        <source>%1 waiting, oldest %2 min</source>
        <translation>%1 күтуде, ең ұзағы %2 мин</translation>
    </message>
    <message>
        <source>%1 parked</source>
        <translation>%1 тоқтатылған</translation>
    </message>
    <message>
        <source>Choose a session first.</source>
        <translation>Алдымен сессияны таңдаңыз.</translation>
    </message>
    <message>
        <source>Save the session report</source>
        <translation>Сессия есебін сақтау</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report saved: %1 (and its results as CSV beside it)</source>
        <translation>Есеп сақталды: %1 (нәтижелері CSV түрінде қасында)</translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation>Жүйеден шығу керек пе?</translation>
    </message>
    <message>
        <source>%1 signs out of this console. The tests go on; this console shows nothing until someone signs in again.</source>
        <translation>%1 осы консольден шығады. Тестілеу жалғаса береді; біреу қайта кірмейінше, бұл консоль ештеңе көрсетпейді.</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <source>IIN, name or registration number (Ctrl+F)</source>
        <translation>ЖСН, аты-жөні немесе тіркеу нөмірі (Ctrl+F)</translation>
    </message>
    <message>
        <source>IIN on the document</source>
        <translation>Құжаттағы ЖСН</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Орын</translation>
    </message>
    <message>
        <source>Admit (Ctrl+Enter)</source>
        <translation>Жіберу (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Refuse… (Ctrl+D)</source>
        <translation>Бас тарту… (Ctrl+D)</translation>
    </message>
    <message>
        <source>Not the person in the photo</source>
        <translation>Суреттегі адам емес</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Үміткер</translation>
    </message>
    <message>
        <source>Metal detector</source>
        <translation>Металл детекторы</translation>
    </message>
    <message>
        <source>Wand: pass</source>
        <translation>Қолмен: таза</translation>
    </message>
    <message>
        <source>Wand: alarm</source>
        <translation>Қолмен: белгі</translation>
    </message>
    <message>
        <source>admitted</source>
        <translation>жіберілді</translation>
    </message>
    <message>
        <source>no seat yet</source>
        <translation>орын берілмеді</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>бас тартылды</translation>
    </message>
    <message>
        <source>next free seat</source>
        <translation>келесі бос орын</translation>
    </message>
    <message>
        <source>Find a candidate, or scan the identity card</source>
        <translation>Үміткерді табыңыз немесе куәлікті оқытыңыз</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>сурет</translation>
    </message>
    <message>
        <source>IIN %1</source>
        <translation>ЖСН %1</translation>
    </message>
    <message>
        <source>Registration %1</source>
        <translation>Тіркеу %1</translation>
    </message>
    <message>
        <source>Programs: %1</source>
        <translation>Бағдарламалар: %1</translation>
    </message>
    <message>
        <source>Languages: %1</source>
        <translation>Тілдер: %1</translation>
    </message>
    <message>
        <source>Checking the rules…</source>
        <translation>Ережелер бойынша тексеру…</translation>
    </message>
    <message>
        <source>Already admitted by %1 at %2</source>
        <translation>Бұрын тестілеуге жіберілген (жіберген: %1, уақыты: %2)</translation>
    </message>
    <message>
        <source>Walk the candidate through the detector, or record the wand&apos;s result</source>
        <translation>Үміткерді рамкадан өткізіңіз немесе қол іздегіштің нәтижесін жазыңыз</translation>
    </message>
    <message>
        <source>The walk-through alarmed: walk through again or use the wand</source>
        <translation>Рамка іске қосылды: қайта өту немесе қол металл іздегішпен тексеру</translation>
    </message>
    <message>
        <source>The door alarmed after this walk-through: walk through again or use the wand</source>
        <translation>Осы өтуден кейін рамка дабыл берді: рамкадан қайта өткізіңіз немесе қол іздегішпен тексеріңіз</translation>
    </message>
    <message>
        <source>The detector check is older than %1 min: walk through again</source>
        <translation>Металл іздегіш тексерісі ескірген (%1 минуттан көп өтті): рамкадан қайта өткізіңіз</translation>
    </message>
    <message>
        <source>This detector check was used for another candidate (%1): walk through again</source>
        <translation>Бұл металл іздегіш тексерісі басқа үміткерге пайдаланылған (%1): рамкадан қайта өткізіңіз</translation>
    </message>
    <message>
        <source>This wand check was for another candidate (%1)</source>
        <translation>Бұл қол іздегіш тексерісі басқа үміткерге жасалған (%1)</translation>
    </message>
    <message>
        <source>Pick a walk-through or a wand check</source>
        <translation>Рамкадан өтуді немесе қол іздегіш тексерісін таңдаңыз</translation>
    </message>
    <message>
        <source>no photo in the roster</source>
        <translation>тізімде сурет жоқ</translation>
    </message>
    <message>
        <source>Detector: …</source>
        <translation>Металл детекторы: …</translation>
    </message>
    <message>
        <source>Detector: %1</source>
        <translation>Металл детекторы: %1</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>%1 бастап</translation>
    </message>
    <message>
        <source>zones %1</source>
        <translation>аймақтар %1</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>деңгей %1</translation>
    </message>
    <message>
        <source>(wand)</source>
        <translation>(қол металл іздегіш)</translation>
    </message>
    <message>
        <source>Refuse admission</source>
        <translation>Жіберуден бас тарту</translation>
    </message>
    <message>
        <source>Refuse admission?</source>
        <translation>Тестілеуге жібермеу керек пе?</translation>
    </message>
    <message>
        <source>%1 is refused admission today: not the person in the roster photo. The refusal is recorded and goes to the central system.</source>
        <translation>%1 бүгін тестілеуге жіберілмейді: тізімдегі фотосуреттегі адам емес. Бас тарту тіркеледі және орталық жүйеге жіберіледі.</translation>
    </message>
    <message>
        <source>not the person in the roster photo</source>
        <translation>тізімдегі суреттегі адам емес</translation>
    </message>
</context>
<context>
    <name>HallScreen</name>
    <message>
        <source>Problems first</source>
        <translation>Алдымен мәселелер</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Назарға алынды</translation>
    </message>
    <message>
        <source>The whole room</source>
        <translation>Бүкіл зал</translation>
    </message>
    <message>
        <source>Pause the room</source>
        <translation>Залда үзіліс</translation>
    </message>
    <message>
        <source>Resume the room</source>
        <translation>Залды жалғастыру</translation>
    </message>
    <message>
        <source>Room incident…</source>
        <translation>Зал бойынша оқиға…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Үзіліс</translation>
    </message>
    <message>
        <source>Resume (code)</source>
        <translation>Жалғастыру (код)</translation>
    </message>
    <message>
        <source>Time…</source>
        <translation>Уақыт…</translation>
    </message>
    <message>
        <source>Terminate…</source>
        <translation>Тоқтату…</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Ауыстыру…</translation>
    </message>
    <message>
        <source>Incident…</source>
        <translation>Оқиға…</translation>
    </message>
    <message>
        <source>In test: %1</source>
        <translation>Тестте: %1</translation>
    </message>
    <message>
        <source>Silent: %1</source>
        <translation>Үнсіз: %1</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Аяқталды: %1</translation>
    </message>
    <message>
        <source>Asking for help: %1</source>
        <translation>Көмек сұрайды: %1</translation>
    </message>
    <message>
        <source>%1: kiosk silent</source>
        <translation>%1: киоск жауап бермейді</translation>
    </message>
    <message>
        <source>Click a seat on the map.</source>
        <translation>Сызбадан орынды таңдаңыз.</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Орын</translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation>Орын %1</translation>
    </message>
    <message>
        <source>Answered %1 of %2</source>
        <translation>%2 сұрақтың %1 жауабы берілді</translation>
    </message>
    <message>
        <source>Time left %1</source>
        <translation>Қалды %1</translation>
    </message>
    <message>
        <source>Locked: %1</source>
        <translation>Бұғатталды: %1</translation>
    </message>
    <message>
        <source>Pause seat %1</source>
        <translation>%1 орнында үзіліс</translation>
    </message>
    <message>
        <source>Terminate the test at seat %1</source>
        <translation>%1 орнында тестілеуді тоқтату</translation>
    </message>
    <message>
        <source>Incident at seat %1</source>
        <translation>%1 орнындағы оқиға</translation>
    </message>
    <message>
        <source>The whole room is paused since %1: every running seat&apos;s clock stands.</source>
        <translation>Бүкіл залда %1 бастап үзіліс: әр жұмыс істеп тұрған орынның уақыты тоқтап тұр.</translation>
    </message>
    <message>
        <source>Seat %1 is free now: nothing was done.</source>
        <translation>Орын %1 қазір бос: ештеңе орындалмады.</translation>
    </message>
    <message>
        <source>Seat %1 has changed: %2 sits there now. Nothing was done.</source>
        <translation>Орын %1 өзгерді: қазір онда %2 отыр. Ештеңе орындалмады.</translation>
    </message>
    <message>
        <source>Seat %1 has changed</source>
        <translation>Орын %1 өзгерді</translation>
    </message>
    <message>
        <source>%2 sits at seat %1 now, not the candidate you chose. Do it for %2?</source>
        <translation>Орын %1: қазір онда сіз таңдаған үміткер емес, %2 отыр. Әрекетті %2 үшін орындайсыз ба?</translation>
    </message>
    <message>
        <source>Nothing was done at seat %1.</source>
        <translation>Орын %1: ештеңе орындалмады.</translation>
    </message>
    <message>
        <source>Pause the whole room</source>
        <translation>Бүкіл залда үзіліс</translation>
    </message>
    <message>
        <source>Resume the whole room?</source>
        <translation>Бүкіл залды жалғастыру керек пе?</translation>
    </message>
    <message>
        <source>Every seat the room pause stopped (%1) goes on at once, with its time.</source>
        <translation>Зал үзілісі тоқтатқан әр орын (%1) өз уақытымен бірден жалғасады.</translation>
    </message>
    <message>
        <source>Incident for the whole room</source>
        <translation>Бүкіл залға қатысты оқиға</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <source>Everything</source>
        <translation>Барлық оқиғалар</translation>
    </message>
    <message>
        <source>What the staff did</source>
        <translation>Қызметкерлердің әрекеттері</translation>
    </message>
    <message>
        <source>Admissions and refusals</source>
        <translation>Жіберулер мен бас тартулар</translation>
    </message>
    <message>
        <source>Detector checks</source>
        <translation>Металл детекторы тексерулері</translation>
    </message>
    <message>
        <source>Seat actions</source>
        <translation>Орындармен әрекеттер</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Оқиғалар</translation>
    </message>
    <message>
        <source>The session</source>
        <translation>Сессия</translation>
    </message>
    <message>
        <source>Tests begun and finished</source>
        <translation>Басталған және аяқталған тесттер</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Орын</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Уақыт</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кім</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Не</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Үміткер</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Толығырақ</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <source>zones %1</source>
        <translation>аймақтар %1</translation>
    </message>
    <message>
        <source>Kiosk at seat %1</source>
        <translation>Киоск (Орын %1)</translation>
    </message>
    <message>
        <source>Metal detector (walk-through)</source>
        <translation>Металл іздегіш (рамка)</translation>
    </message>
    <message>
        <source>Hand-held metal detector</source>
        <translation>Қол іздегіш</translation>
    </message>
    <message>
        <source>Admission desk</source>
        <translation>Жіберу үстелі</translation>
    </message>
    <message>
        <source>Room server</source>
        <translation>Зал сервері</translation>
    </message>
    <message>
        <source>Banned from testing</source>
        <translation>Тестілеуге тыйым салынған</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Кешікті</translation>
    </message>
    <message>
        <source>Retake too soon</source>
        <translation>Қайта тапсыру тым ерте</translation>
    </message>
    <message>
        <source>No attempts left this month</source>
        <translation>Осы айда әрекет қалмады</translation>
    </message>
    <message>
        <source>Invalid IIN</source>
        <translation>ЖСН қате</translation>
    </message>
    <message>
        <source>The IIN does not match the roster</source>
        <translation>ЖСН тізіммен сәйкес емес</translation>
    </message>
    <message>
        <source>Not on the roster</source>
        <translation>Тізімде жоқ</translation>
    </message>
    <message>
        <source>Admission closed</source>
        <translation>Жіберу жабық</translation>
    </message>
</context>
<context>
    <name>ItemsTab</name>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV экспорттау…</translation>
    </message>
    <message>
        <source>Only items needing attention</source>
        <translation>Тек назар аударатын сұрақтар</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Сұрақ</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Бөлім</translation>
    </message>
    <message>
        <source>Sittings</source>
        <translation>Тапсырулар</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>Қиындығы</translation>
    </message>
    <message>
        <source>Discrimination</source>
        <translation>Айыру қабілеті</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Назар аудару керек</translation>
    </message>
    <message>
        <source>difficulty: share correct (shaded: too hard, too easy)</source>
        <translation>қиындық: дұрыс жауаптар үлесі (көлеңкелі: тым қиын, тым жеңіл)</translation>
    </message>
    <message>
        <source>discrimination (shaded: below zero)</source>
        <translation>айыру қабілеті (көлеңкелі: нөлден төмен)</translation>
    </message>
    <message>
        <source>too easy</source>
        <translation>тым жеңіл</translation>
    </message>
    <message>
        <source>too hard</source>
        <translation>тым қиын</translation>
    </message>
    <message>
        <source>strong candidates miss it</source>
        <translation>мықты үміткерлер қате жауап береді</translation>
    </message>
    <message>
        <source>does not tell strong from weak</source>
        <translation>мықтыны әлсізден ажыратпайды</translation>
    </message>
    <message>
        <source>%1 results, %2 items need attention</source>
        <translation>%1 нәтиже, %2 сұраққа назар аудару керек</translation>
    </message>
    <message>
        <source>Save item statistics</source>
        <translation>Сұрақ статистикасын сақтау</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Item statistics saved: %1</source>
        <translation>Сұрақ статистикасы сақталды: %1</translation>
    </message>
</context>
<context>
    <name>KiosksTab</name>
    <message>
        <source>Seat</source>
        <translation>Орын</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Компьютер</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Тіркелген</translation>
    </message>
    <message>
        <source>Credential age</source>
        <translation>Кілт жасы</translation>
    </message>
    <message>
        <source>Last heard</source>
        <translation>Соңғы байланыс</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Seat, e.g. A07</source>
        <translation>Орын, мысалы A07</translation>
    </message>
    <message>
        <source>Issue an enrollment code</source>
        <translation>Тіркеу кодын беру</translation>
    </message>
    <message>
        <source>Revoke the kiosk</source>
        <translation>Киоскіні ажырату</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>ажыратылған</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>құлыпталған</translation>
    </message>
    <message>
        <source>enrolled</source>
        <translation>тіркелген</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 күн</translation>
    </message>
    <message>
        <source>Type the seat the kiosk stands at.</source>
        <translation>Киоск тұрған орынды жазыңыз.</translation>
    </message>
    <message>
        <source>Revoke the kiosk at %1?</source>
        <translation>Орын %1 киоскін ажырату керек пе?</translation>
    </message>
    <message>
        <source>The kiosk at %1 can no longer reach the hall until it is enrolled again. A candidate testing there stops at once.</source>
        <translation>Орын %1 киоскі қайта тіркелгенше залға қосыла алмайды. Онда тест тапсырып отырған үміткердің тесті бірден тоқтайды.</translation>
    </message>
    <message>
        <source>The kiosk at %1 is revoked</source>
        <translation>%1 орнындағы киоск ажыратылды</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move seat %1 to a spare seat</source>
        <translation>%1 орнынан қосалқы орынға ауыстыру</translation>
    </message>
    <message>
        <source>New seat</source>
        <translation>Жаңа орын</translation>
    </message>
    <message>
        <source>No free seat with a kiosk: enroll a spare kiosk first.</source>
        <translation>Киоскісі бар бос орын жоқ: алдымен қосалқы киоскіні қосыңыз.</translation>
    </message>
    <message>
        <source>Write a note that says what happened.</source>
        <translation>Не болғанын жазыңыз.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Choose a reason.</source>
        <translation>Себепті таңдаңыз.</translation>
    </message>
    <message>
        <source>Write a note that says what happened.</source>
        <translation>Не болғанын жазыңыз.</translation>
    </message>
</context>
<context>
    <name>ReasonPicker</name>
    <message>
        <source>Category</source>
        <translation>Санат</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Себеп</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ескертпе</translation>
    </message>
    <message>
        <source>Choose a reason</source>
        <translation>Себепті таңдаңыз</translation>
    </message>
</context>
<context>
    <name>RefusalDialog</name>
    <message>
        <source>(choose the reason)</source>
        <translation>(себепті таңдаңыз)</translation>
    </message>
    <message>
        <source>By the rule: %1</source>
        <translation>Ереже бойынша: %1</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Себеп</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ескертпе</translation>
    </message>
    <message>
        <source>Choose a reason: none is chosen yet.</source>
        <translation>Себепті таңдаңыз: әлі ешқайсысы таңдалмаған.</translation>
    </message>
    <message>
        <source>Write a note that says what happened.</source>
        <translation>Не болғанын жазыңыз.</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>The request was not understood ({field}: {problem})</source>
        <translation>Сұрау түсінілмеді ({field}: {problem})</translation>
    </message>
    <message>
        <source>The file is larger than the hall takes ({limit} bytes)</source>
        <translation>Файл зал қабылдайтын көлемнен үлкен (шегі: {limit} байт)</translation>
    </message>
    <message>
        <source>Not found: {what} {id}</source>
        <translation>Табылмады: {what} {id}</translation>
    </message>
    <message>
        <source>The hall&apos;s database did not answer; nothing was stored. Try again.</source>
        <translation>Зал дерекқоры жауап бермеді; ештеңе сақталмады. Қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The room server&apos;s disk is full; nothing was stored. Free space on the room server.</source>
        <translation>Зал серверінің дискісі толды; ештеңе сақталмады. Зал серверінің дискісін босатыңыз.</translation>
    </message>
    <message>
        <source>Too many consoles are following the {what}; try again in a moment</source>
        <translation>Бақылап отырған консольдер тым көп ({what}); сәлден соң қайталап көріңіз</translation>
    </message>
    <message>
        <source>Sign in first</source>
        <translation>Алдымен жүйеге кіріңіз</translation>
    </message>
    <message>
        <source>Your sign-in has ended; sign in again</source>
        <translation>Кіруіңіз аяқталды; қайта кіріңіз</translation>
    </message>
    <message>
        <source>This needs the role: {roles}</source>
        <translation>Бұл үшін рөл керек: {roles}</translation>
    </message>
    <message>
        <source>This kiosk is not enrolled in this hall</source>
        <translation>Бұл киоск осы залда тіркелмеген</translation>
    </message>
    <message>
        <source>Wrong user name or password</source>
        <translation>Пайдаланушы аты немесе құпиясөз қате</translation>
    </message>
    <message>
        <source>Too many wrong tries; try again after {until}</source>
        <translation>Қате әрекеттер тым көп; қайта кіруге болатын уақыт: {until}</translation>
    </message>
    <message>
        <source>Session {session} is closed</source>
        <translation>Тестілеу сессиясы {session} жабық</translation>
    </message>
    <message>
        <source>Already admitted by {by} at {decided_at}; to stop the test, terminate it at the seat</source>
        <translation>Бұрын тестілеуге жіберілген (жіберген: {by}, уақыты: {decided_at}); тестілеуді тоқтату керек болса, оны орында тоқтатыңыз</translation>
    </message>
    <message>
        <source>Admission needs a metal detector check: a walk-through, or a wand check of this candidate</source>
        <translation>Тестілеуге жіберу үшін металл іздегішпен тексеру керек: рамкадан өту немесе осы үміткерді қол іздегішпен тексеру</translation>
    </message>
    <message>
        <source>Metal detector check {event} was not found</source>
        <translation>Металл іздегіш тексерісі {event} табылмады</translation>
    </message>
    <message>
        <source>Metal detector event {event} is {kind}, not a walk-through or a wand check</source>
        <translation>Металл іздегіш оқиғасы {event}: {kind}; бұл рамкадан өту де, қол іздегіш тексерісі де емес</translation>
    </message>
    <message>
        <source>Metal detector check {event} alarmed: walk through again or record the wand&apos;s result</source>
        <translation>Металл іздегіш тексерісі {event} дабыл берді: рамкадан қайта өткізіңіз немесе қол іздегіштің нәтижесін жазыңыз</translation>
    </message>
    <message>
        <source>The walk-through alarmed at {alarm_at}, after check {event}: walk through again or record the wand&apos;s result for this candidate</source>
        <translation>Тексерістен ({event}) кейін рамка дабыл берді (уақыты: {alarm_at}): рамкадан қайта өткізіңіз немесе осы үміткер үшін қол іздегіштің нәтижесін жазыңыз</translation>
    </message>
    <message>
        <source>Metal detector check {event} is older than {minutes} min: walk through again</source>
        <translation>Металл іздегіш тексерісі {event} ескірген ({minutes} минуттан көп өтті): рамкадан қайта өткізіңіз</translation>
    </message>
    <message>
        <source>Metal detector check {event} was already used for candidate {registration}</source>
        <translation>Металл іздегіш тексерісі {event} бұрын басқа үміткерге пайдаланылған: {registration}</translation>
    </message>
    <message>
        <source>Wand check {event} was recorded for another candidate ({registration})</source>
        <translation>Қол іздегіш тексерісі {event} басқа үміткерге жазылған ({registration})</translation>
    </message>
    <message>
        <source>A wand check is for one candidate: choose the candidate</source>
        <translation>Қол іздегіш тексерісі бір үміткерге жасалады: үміткерді таңдаңыз</translation>
    </message>
    <message>
        <source>The central system has no roster for {day}</source>
        <translation>Орталық жүйеде мына күнге үміткерлер тізімі жоқ: {day}</translation>
    </message>
    <message>
        <source>The rule “{rule}” does not refuse this candidate now: refuse for a reason of the list</source>
        <translation>«{rule}» ережесі бойынша бұл үміткерді қазір жібермеуге болмайды: тізімдегі себепті таңдаңыз</translation>
    </message>
    <message>
        <source>Seat {seat} has changed since you looked; sitting there now: {full_name}</source>
        <translation>Орын {seat} сіз қарағаннан кейін өзгерді; қазір онда отырған: {full_name}</translation>
    </message>
    <message>
        <source>Seat {seat} has no candidate</source>
        <translation>Орын {seat}: үміткер жоқ</translation>
    </message>
    <message>
        <source>Seat {seat} has no enrolled kiosk</source>
        <translation>Орын {seat}: тіркелген киоск жоқ</translation>
    </message>
    <message>
        <source>Seat {seat} is already locked (since {since_at}); resume it with a code</source>
        <translation>Орын {seat} бұғатталған (уақыты: {since_at}); оны жалғастыру кодымен жалғастырыңыз</translation>
    </message>
    <message>
        <source>Seat {seat} is not locked</source>
        <translation>Орын {seat} бұғатталмаған</translation>
    </message>
    <message>
        <source>Seat {seat} was stopped with the room: resume the room</source>
        <translation>Орын {seat} зал үзілісімен бірге тоқтатылған: залды жалғастырыңыз</translation>
    </message>
    <message>
        <source>Seat {seat} has no running test whose time could change</source>
        <translation>Орын {seat}: уақытын өзгертуге болатын жүріп жатқан тест жоқ</translation>
    </message>
    <message>
        <source>Seat {seat} has no unfinished test to terminate</source>
        <translation>Орын {seat}: тоқтататын аяқталмаған тест жоқ</translation>
    </message>
    <message>
        <source>The new seat is the same seat</source>
        <translation>Жаңа орын бұрынғы орынмен бірдей</translation>
    </message>
    <message>
        <source>Removing {minutes} min would leave {left} min; at least 1 min must remain</source>
        <translation>{minutes} мин азайтылса, {left} мин қалар еді; кемінде 1 мин қалуы керек</translation>
    </message>
    <message>
        <source>Session {session} is not running (now: {status})</source>
        <translation>Тестілеу сессиясы {session} жүріп жатқан жоқ (қазір: {status})</translation>
    </message>
    <message>
        <source>The room is already paused (since {since_at})</source>
        <translation>Залда үзіліс бұрыннан жүріп жатыр (басталған уақыты: {since_at})</translation>
    </message>
    <message>
        <source>The room is not paused</source>
        <translation>Залда үзіліс жоқ</translation>
    </message>
    <message>
        <source>A candidate refused admission cannot be seated</source>
        <translation>Тестілеуге жіберілмеген үміткерді орынға отырғызуға болмайды</translation>
    </message>
    <message>
        <source>A picture belongs to an incident of a test</source>
        <translation>Сурет тек тест кезіндегі оқиғаға тіркеледі</translation>
    </message>
    <message>
        <source>The picture is not a JPEG image</source>
        <translation>Сурет JPEG форматында емес</translation>
    </message>
    <message>
        <source>Test {attempt} does not belong to seat {seat}</source>
        <translation>Тест {attempt} бұл орынға тиесілі емес (Орын {seat})</translation>
    </message>
    <message>
        <source>Test {attempt} has not started</source>
        <translation>Тест {attempt} басталмаған</translation>
    </message>
    <message>
        <source>Test {attempt} is not running (now: {status})</source>
        <translation>Тест {attempt} жүріп жатқан жоқ (қазір: {status})</translation>
    </message>
    <message>
        <source>Test {attempt} is finished</source>
        <translation>Тест {attempt} аяқталған</translation>
    </message>
    <message>
        <source>Question bank {bank} {version} is not loaded</source>
        <translation>Сұрақтар банкі {bank} {version} жүктелмеген</translation>
    </message>
    <message>
        <source>No question bank is loaded for: {program}. Call the administrator.</source>
        <translation>Сұрақтар банкі жүктелмеген: {program}. Әкімшіні шақырыңыз.</translation>
    </message>
    <message>
        <source>Not questions of this test: {items}</source>
        <translation>Бұл тесттің сұрақтары емес: {items}</translation>
    </message>
    <message>
        <source>Language {language} is not offered to this candidate; offered: {languages}</source>
        <translation>Бұл үміткерге ұсынылмаған тіл: {language}; ұсынылған тілдер: {languages}</translation>
    </message>
    <message>
        <source>The seat is locked: the operator&apos;s resume code opens it</source>
        <translation>Орын бұғатталған: оны оператордың жалғастыру коды ашады</translation>
    </message>
    <message>
        <source>The session has not started; wait for the operator</source>
        <translation>Тестілеу сессиясы басталған жоқ; операторды күтіңіз</translation>
    </message>
    <message>
        <source>The room is paused; wait for the operator to resume it</source>
        <translation>Залда үзіліс; оператор жалғастырғанша күтіңіз</translation>
    </message>
    <message>
        <source>An earlier part of this sitting is not finished yet</source>
        <translation>Осы тапсырудың алдыңғы бөлігі әлі аяқталмаған</translation>
    </message>
    <message>
        <source>Changes {first}..{last} have not reached the server yet</source>
        <translation>Өзгерістер {first}..{last} серверге әлі жеткен жоқ</translation>
    </message>
    <message>
        <source>Change {seq} was already stored with other content</source>
        <translation>Өзгеріс {seq} бұрын басқа мазмұнмен сақталған</translation>
    </message>
    <message>
        <source>The time of the test has not run out yet</source>
        <translation>Тест уақыты әлі біткен жоқ</translation>
    </message>
    <message>
        <source>Wrong resume code</source>
        <translation>Жалғастыру коды қате</translation>
    </message>
    <message>
        <source>Wrong resume code; the code is now void: ask for a new one</source>
        <translation>Жалғастыру коды қате; код енді жарамсыз: жаңасын сұраңыз</translation>
    </message>
    <message>
        <source>This seat has no valid resume code; issue a new one</source>
        <translation>Бұл орынның жарамды жалғастыру коды жоқ; жаңасын беріңіз</translation>
    </message>
    <message>
        <source>The enrollment code is unknown, used or expired; issue a new one</source>
        <translation>Тіркеу коды белгісіз, пайдаланылған немесе мерзімі өткен; жаңасын беріңіз</translation>
    </message>
    <message>
        <source>A part of a recording is at most {limit} bytes</source>
        <translation>Бейнежазбаның бір бөлшегі ең көбі {limit} байт болады</translation>
    </message>
    <message>
        <source>Recording segments are numbered from 1 and offsets from 0</source>
        <translation>Бейнежазба бөліктері 1-ден, ығысулар 0-ден бастап нөмірленеді</translation>
    </message>
    <message>
        <source>Recording segment {seq} is new: start at offset 0 with its description</source>
        <translation>Бейнежазба бөлігі {seq} жаңа: сипаттамасын қоса, 0 ығысудан бастаңыз</translation>
    </message>
    <message>
        <source>Recording segment {seq} is {size} bytes; at most {limit}</source>
        <translation>Бейнежазба бөлігі {seq}: көлемі {size} байт; ең көбі {limit}</translation>
    </message>
    <message>
        <source>Recording segment {seq}: more bytes than the {size} declared</source>
        <translation>Бейнежазба бөлігі {seq}: байттар мәлімделгеннен көп (мәлімделгені: {size})</translation>
    </message>
    <message>
        <source>Recording segment {seq}: the server has {received} bytes; go on from there</source>
        <translation>Бейнежазба бөлігі {seq}: серверде {received} байт бар; сол жерден жалғастырыңыз</translation>
    </message>
    <message>
        <source>Recording segment {seq} changed meanwhile; ask for its state and go on</source>
        <translation>Бейнежазба бөлігі {seq} осы аралықта өзгерді; күйін сұрап, жалғастырыңыз</translation>
    </message>
    <message>
        <source>Recording segment {seq}: SHA-256 {got}… is not the declared {declared}…; upload it again</source>
        <translation>Бейнежазба бөлігі {seq}: SHA-256 {got}… мәлімделген мәнге сәйкес емес ({declared}…); қайта жүктеңіз</translation>
    </message>
    <message>
        <source>Recording segment {seq} was deleted at {purged_at}: its keeping time was over</source>
        <translation>Бейнежазба бөлігі {seq} жойылды (уақыты: {purged_at}): сақтау мерзімі өтті</translation>
    </message>
    <message>
        <source>Recording segment {seq} on disk does not match its hash: it was altered</source>
        <translation>Дискідегі бейнежазба бөлігі {seq} өз хэшіне сәйкес емес: ол өзгертілген</translation>
    </message>
    <message>
        <source>Recording segment {seq} cannot be read: {problem}</source>
        <translation>Бейнежазба бөлігі {seq} оқылмайды: {problem}</translation>
    </message>
    <message>
        <source>Only a finished test can be verified</source>
        <translation>Тек аяқталған тестті тексеруге болады</translation>
    </message>
    <message>
        <source>Test {attempt} already has a verdict; it cannot be changed here</source>
        <translation>Тест {attempt} бойынша шешім бар; оны мұнда өзгертуге болмайды</translation>
    </message>
    <message>
        <source>Incident {incident} is not a flag of this test</source>
        <translation>Оқиға {incident} бұл тесттің белгісі емес</translation>
    </message>
    <message>
        <source>A watched test is not in this batch</source>
        <translation>Қаралған тест бұл топта жоқ</translation>
    </message>
    <message>
        <source>Test {attempt} has flags: review it on its own</source>
        <translation>Тест {attempt}: белгілері бар; оны жеке тексеріңіз</translation>
    </message>
    <message>
        <source>Test {attempt} has unresolved flags ({count}): give each a finding, or confirm that the violation stands regardless</source>
        <translation>Тест {attempt}: қорытындысыз белгілер бар ({count}); әрқайсысына қорытынды беріңіз немесе бұзушылықты олардан тәуелсіз растаңыз</translation>
    </message>
    <message>
        <source>“{code}” does not break the testing rules: choose a reason that does, or “Other” with a note</source>
        <translation>«{code}» тестілеу ережелерін бұзу емес: бұзушылық болатын себепті немесе ескертпесі бар «Басқа» себебін таңдаңыз</translation>
    </message>
    <message>
        <source>Record {record} is not parked (now: {status})</source>
        <translation>Жазба {record} кідіртілмеген (қазір: {status})</translation>
    </message>
    <message>
        <source>User {username} already exists</source>
        <translation>Пайдаланушы {username} бұрыннан бар</translation>
    </message>
    <message>
        <source>A password needs at least {minimum} characters</source>
        <translation>Құпиясөз кемінде {minimum} таңбадан тұруы керек</translation>
    </message>
    <message>
        <source>{username} is the last administrator: make another administrator first</source>
        <translation>{username} — соңғы әкімші: алдымен басқа әкімші тағайындаңыз</translation>
    </message>
    <message>
        <source>You cannot disable yourself</source>
        <translation>Өзіңізді өшіре алмайсыз</translation>
    </message>
    <message>
        <source>Nothing to change</source>
        <translation>Өзгертетін ештеңе жоқ</translation>
    </message>
    <message>
        <source>Kiosk {kiosk} is already revoked</source>
        <translation>Киоск {kiosk} бұрын ажыратылған</translation>
    </message>
    <message>
        <source>Question bank file {name} refused: {problem}</source>
        <translation>Сұрақтар банкінің файлы {name} қабылданбады: {problem}</translation>
    </message>
    <message>
        <source>Question bank {bank} {version} is already loaded</source>
        <translation>Сұрақтар банкі {bank} {version} бұрын жүктелген</translation>
    </message>
    <message>
        <source>No font with Kazakh letters on the room server (install fonts-dejavu-core or fonts-noto-core)</source>
        <translation>Зал серверінде қазақ әріптері бар қаріп жоқ (fonts-dejavu-core немесе fonts-noto-core орнатыңыз)</translation>
    </message>
    <message>
        <source>Roster refused: the authority&apos;s signature does not verify</source>
        <translation>Үміткерлер тізімі қабылданбады: уәкілетті органның қолтаңбасы расталмады</translation>
    </message>
    <message>
        <source>Roster refused: {field}: {problem}</source>
        <translation>Үміткерлер тізімі қабылданбады: {field}: {problem}</translation>
    </message>
    <message>
        <source>Roster refused: it is for hall {roster_hall}, this is {hall}</source>
        <translation>Үміткерлер тізімі қабылданбады: ол басқа залға арналған ({roster_hall}), бұл зал: {hall}</translation>
    </message>
    <message>
        <source>Session {session} has already started; its roster is fixed</source>
        <translation>Тестілеу сессиясы {session} басталып кеткен; оның үміткерлер тізімі өзгермейді</translation>
    </message>
    <message>
        <source>The central system did not answer as it should: {problem}</source>
        <translation>Орталық жүйе дұрыс жауап бермеді: {problem}</translation>
    </message>
    <message>
        <source>admission</source>
        <translation>тестілеуге жіберу</translation>
    </message>
    <message>
        <source>test</source>
        <translation>тест</translation>
    </message>
    <message>
        <source>question bank</source>
        <translation>сұрақтар банкі</translation>
    </message>
    <message>
        <source>incident</source>
        <translation>оқиға</translation>
    </message>
    <message>
        <source>kiosk</source>
        <translation>киоск</translation>
    </message>
    <message>
        <source>enrolled kiosk at seat</source>
        <translation>орындағы тіркелген киоск</translation>
    </message>
    <message>
        <source>record to send</source>
        <translation>жіберілетін жазба</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>үміткер</translation>
    </message>
    <message>
        <source>seat</source>
        <translation>орын</translation>
    </message>
    <message>
        <source>recording segment</source>
        <translation>бейнежазба бөлігі</translation>
    </message>
    <message>
        <source>session</source>
        <translation>тестілеу сессиясы</translation>
    </message>
    <message>
        <source>picture of incident</source>
        <translation>оқиға суреті</translation>
    </message>
    <message>
        <source>user</source>
        <translation>пайдаланушы</translation>
    </message>
    <message>
        <source>hall</source>
        <translation>зал</translation>
    </message>
    <message>
        <source>metal detector</source>
        <translation>металл іздегіш</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>оператор</translation>
    </message>
    <message>
        <source>proctor</source>
        <translation>проктор</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>әкімші</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>әлі басталмаған</translation>
    </message>
    <message>
        <source>running</source>
        <translation>жүріп жатыр</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>жабық</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>күтуде</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>аяқталған</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>жеткізілген</translation>
    </message>
    <message>
        <source>parked</source>
        <translation>кідіртілген</translation>
    </message>
    <message>
        <source>invalid IIN</source>
        <translation>ЖСН қате</translation>
    </message>
    <message>
        <source>IIN does not match the roster</source>
        <translation>ЖСН тізіммен сәйкес емес</translation>
    </message>
    <message>
        <source>not on the roster</source>
        <translation>тізімде жоқ</translation>
    </message>
    <message>
        <source>banned from testing</source>
        <translation>тестілеуге тыйым салынған</translation>
    </message>
    <message>
        <source>late</source>
        <translation>кешікті</translation>
    </message>
    <message>
        <source>retake too soon</source>
        <translation>қайта тапсыру тым ерте</translation>
    </message>
    <message>
        <source>attempts this month</source>
        <translation>осы айдағы әрекеттер</translation>
    </message>
    <message>
        <source>already admitted</source>
        <translation>бұрын жіберілген</translation>
    </message>
    <message>
        <source>already refused</source>
        <translation>бұрын жіберілмеген</translation>
    </message>
    <message>
        <source>session closed</source>
        <translation>тестілеу сессиясы жабық</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>қазақ тілі</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>орыс тілі</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message numerus="yes">
        <source>Clear the %n unflagged attempt(s) after the sample</source>
        <translation>
            <numerusform>Іріктеуден кейін белгісіз %n әрекетті растау</numerusform>
            <numerusform>Іріктеуден кейін белгісіз %n әрекетті растау</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear them all?</source>
        <translation>Барлығын растау керек пе?</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) with no flag get the verdict “no violation” and their results go to the central system as confirmed; you watched %1 of them. This cannot be undone here.</source>
        <translation>
            <numerusform>Белгісіз %n әрекетке «бұзушылық жоқ» шешімі беріледі, нәтижелері орталық жүйеге расталған болып жіберіледі; олардың %1-ін сіз көрдіңіз. Мұнда мұны қайтару мүмкін емес.</numerusform>
            <numerusform>Белгісіз %n әрекетке «бұзушылық жоқ» шешімі беріледі, нәтижелері орталық жүйеге расталған болып жіберіледі; олардың %1-ін сіз көрдіңіз. Мұнда мұны қайтару мүмкін емес.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) cleared (%1 watched)</source>
        <translation>
            <numerusform>%n әрекет расталды (%1 қаралды)</numerusform>
            <numerusform>%n әрекет расталды (%1 қаралды)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Waiting for a verdict (oldest first)</source>
        <translation>Шешім күтуде (ескілері алдымен)</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Үміткер</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Тест</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Аяқталды</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Белгілер</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Кідірту</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Ойнату</translation>
    </message>
    <message>
        <source>Next flag</source>
        <translation>Келесі белгі</translation>
    </message>
    <message>
        <source>Flags: confirm or dismiss each</source>
        <translation>Белгілер: әрқайсысын растаңыз не қабылдамаңыз</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Уақыты</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Не болды</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кім</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Қорытынды</translation>
    </message>
    <message>
        <source>Note on the finding</source>
        <translation>Қорытындыға ескертпе</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Растау</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Қабылдамау</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Шешім</translation>
    </message>
    <message>
        <source>Clear: no violation</source>
        <translation>Бұзушылық жоқ</translation>
    </message>
    <message>
        <source>Violation: annul and ban</source>
        <translation>Бұзушылық: жою және тыйым</translation>
    </message>
    <message>
        <source>Ban (months, 6 to 12)</source>
        <translation>Тыйым (ай, 6-дан 12-ге дейін)</translation>
    </message>
    <message>
        <source>The operator terminated this test for: %1. Annulment and a ban of 6 to 12 months are proposed; the verdict is yours.</source>
        <translation>Оператор бұл тестті тоқтатты, себебі: %1. Нәтижені жою және 6–12 айға тыйым салу ұсынылады; шешімді сіз қабылдайсыз.</translation>
    </message>
    <message>
        <source>no flag</source>
        <translation>белгі жоқ</translation>
    </message>
    <message>
        <source>Attempts with no flag: %1. You watched %2 of them here.</source>
        <translation>Белгісіз әрекеттер: %1. Осында олардың %2 қарадыңыз.</translation>
    </message>
    <message>
        <source>Choose an attempt to review</source>
        <translation>Тексеретін әрекетті таңдаңыз</translation>
    </message>
    <message>
        <source>No recording: the camera was lost</source>
        <translation>Жазба жоқ: камера жоғалған</translation>
    </message>
    <message>
        <source>No recording here</source>
        <translation>Мұнда жазба жоқ</translation>
    </message>
    <message>
        <source>The recording cannot be played: %1</source>
        <translation>Жазбаны ойнату мүмкін емес: %1</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>расталды</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>қабылданбады</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>қаралмаған</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>Бет</translation>
    </message>
    <message>
        <source>Kiosk lockdown</source>
        <translation>Киоск құлпы</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Оқиға</translation>
    </message>
    <message>
        <source>Choose the violation&apos;s reason (and a note for &apos;other&apos;).</source>
        <translation>Бұзушылықтың себебін таңдаңыз (&apos;басқа&apos; үшін ескертпе жазыңыз).</translation>
    </message>
    <message>
        <source>Cleared: the result stands</source>
        <translation>Расталды: нәтиже күшінде</translation>
    </message>
    <message>
        <source>Violation recorded: the result is annulled and the ban sent</source>
        <translation>Бұзушылық тіркелді: нәтиже жойылды, тыйым жіберілді</translation>
    </message>
</context>
<context>
    <name>SeatMap</name>
    <message>
        <source>No seats yet: enroll kiosks first</source>
        <translation>Әзірге орын жоқ: алдымен киоскілерді қосыңыз</translation>
    </message>
    <message>
        <source>silent %1 s</source>
        <translation>%1 с үнсіз</translation>
    </message>
</context>
<context>
    <name>SessionsScreen</name>
    <message>
        <source>Session</source>
        <translation>Сессия</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Басталуы</translation>
    </message>
    <message>
        <source>Programs</source>
        <translation>Бағдарламалар</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Күтілуде</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Жіберілді</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Бас тартылды</translation>
    </message>
    <message>
        <source>Seated</source>
        <translation>Отырғызылды</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Аяқтады</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Start the session</source>
        <translation>Сессияны бастау</translation>
    </message>
    <message>
        <source>room paused</source>
        <translation>залда үзіліс</translation>
    </message>
    <message>
        <source>scheduled: admission open</source>
        <translation>жоспарланған: жіберу ашық</translation>
    </message>
    <message>
        <source>running: admission closed</source>
        <translation>жүріп жатыр: жіберу жабық</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>жабық</translation>
    </message>
    <message>
        <source>No session today: fetch the roster (administrator).</source>
        <translation>Бүгін сессия жоқ: тізімді жүктеңіз (әкімші).</translation>
    </message>
    <message>
        <source>Starting closes admission: late arrivals are refused.</source>
        <translation>Сессияның басталуы жіберуді жабады: кешіккендерге бас тартылады.</translation>
    </message>
    <message>
        <source>Admission closes: no one else can be admitted to this session.</source>
        <translation>Жіберу жабылады: бұл сессияға енді ешкім жіберілмейді.</translation>
    </message>
    <message>
        <source>%1 of %2 candidates have not arrived.</source>
        <translation>%2 үміткердің %1 келген жоқ.</translation>
    </message>
    <message>
        <source>It is before the scheduled start (%1).</source>
        <translation>Жоспарланған басталу уақыты (%1) әлі келген жоқ.</translation>
    </message>
    <message>
        <source>Start the session now?</source>
        <translation>Сессияны қазір бастау керек пе?</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Fill in the user name and the password.</source>
        <translation>Пайдаланушы аты мен құпиясөзді енгізіңіз.</translation>
    </message>
    <message>
        <source>The room server does not answer: %1</source>
        <translation>Зал сервері жауап бермейді: %1</translation>
    </message>
    <message>
        <source>The sign-in was not sent: %1</source>
        <translation>Кіру сұрауы жіберілмеді: %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the testing hall</source>
        <translation>Тестілеу залының жүйесіне кіру</translation>
    </message>
    <message>
        <source>Room server</source>
        <translation>Зал сервері</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Пайдаланушы аты</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Құпиясөз</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Delivery to the central system</source>
        <translation>Орталық жүйеге жеткізу</translation>
    </message>
    <message>
        <source>Parked records: these need a person</source>
        <translation>Тоқтатылған жазбалар: адамның араласуы керек</translation>
    </message>
    <message>
        <source>Today: test end to acknowledgement</source>
        <translation>Бүгін: тест соңынан растауға дейін</translation>
    </message>
    <message>
        <source>Results waiting</source>
        <translation>Күтудегі нәтижелер</translation>
    </message>
    <message>
        <source>Parked</source>
        <translation>Тоқтатылған</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Жеткізілді</translation>
    </message>
    <message>
        <source>Last delivery</source>
        <translation>Соңғы жеткізу</translation>
    </message>
    <message>
        <source>Upstream&apos;s last error</source>
        <translation>Орталық жүйенің соңғы қатесі</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Жауап</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Әрекеттер</translation>
    </message>
    <message>
        <source>What the central system said</source>
        <translation>Орталық жүйе не деді</translation>
    </message>
    <message>
        <source>Retry (the cause is fixed)</source>
        <translation>Қайталау (себебі түзетілді)</translation>
    </message>
    <message>
        <source>Export for a courier…</source>
        <translation>Курьерге экспорттау…</translation>
    </message>
    <message>
        <source>No result has ended today.</source>
        <translation>Бүгін бірде-бір нәтиже аяқталған жоқ.</translation>
    </message>
    <message>
        <source>when the test ended</source>
        <translation>тест аяқталған уақыт</translation>
    </message>
    <message>
        <source>minutes to acknowledgement (red line: 20)</source>
        <translation>растауға дейінгі минуттар (қызыл сызық: 20)</translation>
    </message>
    <message>
        <source>Oldest waiting result: none</source>
        <translation>Ең ұзақ күткен нәтиже: жоқ</translation>
    </message>
    <message>
        <source>Oldest waiting result: %1 min of 20</source>
        <translation>Ең ұзақ күткен нәтиже: 20 минуттың %1 минуты</translation>
    </message>
    <message>
        <source>Results are reaching the central system</source>
        <translation>Нәтижелер орталық жүйеге жетуде</translation>
    </message>
    <message>
        <source>Results are slow to reach the central system</source>
        <translation>Нәтижелер орталық жүйеге баяу жетуде</translation>
    </message>
    <message>
        <source>Results are not reaching the central system: act now</source>
        <translation>Нәтижелер орталық жүйеге жетпей жатыр: шара қолданыңыз</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Оқылуда…</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>әлі жоқ</translation>
    </message>
    <message>
        <source>none</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>no answer from the central system (network or its server is down)</source>
        <translation>орталық жүйе жауап бермейді (желі не сервері істемейді)</translation>
    </message>
    <message>
        <source>the central system answered %1: busy or failing; retrying</source>
        <translation>орталық жүйе %1 деп жауап берді: бос емес не ақау; қайталануда</translation>
    </message>
    <message>
        <source>the central system answered %1</source>
        <translation>орталық жүйе %1 деп жауап берді</translation>
    </message>
    <message>
        <source>result</source>
        <translation>нәтиже</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>шешім</translation>
    </message>
    <message>
        <source>audit head</source>
        <translation>аудит басы</translation>
    </message>
    <message>
        <source>the record was refused as invalid</source>
        <translation>жазба жарамсыз деп қабылданбады</translation>
    </message>
    <message>
        <source>the hall&apos;s signature was not accepted: check the hall&apos;s keys</source>
        <translation>зал қолтаңбасы қабылданбады: зал кілттерін тексеріңіз</translation>
    </message>
    <message>
        <source>the central system holds other content under this id</source>
        <translation>орталық жүйеде осы идентификатормен басқа мазмұн бар</translation>
    </message>
    <message>
        <source>Save the offline bundle</source>
        <translation>Офлайн пакетті сақтау</translation>
    </message>
    <message>
        <source>Offline bundle (*.json)</source>
        <translation>Офлайн пакет (*.json)</translation>
    </message>
    <message>
        <source>%1: %2 records, signed by this hall. Carry it to the central system.</source>
        <translation>%1: %2 жазба, осы зал қол қойған. Оны орталық жүйеге жеткізіңіз.</translation>
    </message>
</context>
<context>
    <name>TimeDialog</name>
    <message>
        <source>Change the time of seat %1</source>
        <translation>%1 орнының уақытын өзгерту</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Add (or, below zero, remove)</source>
        <translation>Қосу (нөлден кем болса — азайту)</translation>
    </message>
    <message>
        <source>Give a change of at least one minute.</source>
        <translation>Өзгеріс кемінде бір минут болуы керек.</translation>
    </message>
    <message>
        <source>Write a note that says what happened.</source>
        <translation>Не болғанын жазыңыз.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>operator</source>
        <translation>оператор</translation>
    </message>
    <message>
        <source>proctor</source>
        <translation>проктор</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>әкімші</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Жаңа пайдаланушы</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Пайдаланушы аты</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Толық аты</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Рөлі</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Құпиясөз</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>кемінде 8 таңба</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Құру</translation>
    </message>
    <message>
        <source>Set role</source>
        <translation>Рөлді беру</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Құпиясөзді қалпына келтіру…</translation>
    </message>
    <message>
        <source>Unlock sign-in</source>
        <translation>Кіруді бұғаттан шығару</translation>
    </message>
    <message>
        <source>Wrong passwords for this user, from any machine, no longer count</source>
        <translation>Бұл пайдаланушының кез келген компьютерден енгізілген қате құпиясөздері енді есептелмейді</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>active</source>
        <translation>белсенді</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>өшірілген</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Қосу</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Өшіру</translation>
    </message>
    <message>
        <source>A user name (letters, digits, . _ @ -) and a password of at least 8 characters, please.</source>
        <translation>Пайдаланушы аты (әріптер, сандар, . _ @ -) және кемінде 8 таңбалы құпиясөз керек.</translation>
    </message>
    <message>
        <source>User %1 created</source>
        <translation>%1 пайдаланушысы құрылды</translation>
    </message>
    <message>
        <source>%1: role set</source>
        <translation>%1: рөл берілді</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Құпиясөзді қалпына келтіру</translation>
    </message>
    <message>
        <source>New password (at least 8 characters)</source>
        <translation>Жаңа құпиясөз (кемінде 8 таңба)</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>Құпиясөзде кемінде 8 таңба болуы керек.</translation>
    </message>
    <message>
        <source>%1: password reset</source>
        <translation>%1: құпиясөз қалпына келтірілді</translation>
    </message>
    <message>
        <source>Disable %1?</source>
        <translation>%1 өшіру керек пе?</translation>
    </message>
    <message>
        <source>Every sign-in of %1 ends at once, mid-session too.</source>
        <translation>%1 пайдаланушысының барлық кірулері бірден аяқталады, сессия ортасында да.</translation>
    </message>
    <message>
        <source>%1 enabled</source>
        <translation>%1 қосылды</translation>
    </message>
    <message>
        <source>%1 disabled</source>
        <translation>%1 өшірілді</translation>
    </message>
    <message>
        <source>%1 may sign in again at once</source>
        <translation>%1 қазір қайта кіре алады</translation>
    </message>
</context>
<context>
    <name>VerdictConfirmation</name>
    <message>
        <source>Annul the result and ban the candidate?</source>
        <translation>Нәтиженің күшін жойып, үміткерге тестілеуге тыйым саласыз ба?</translation>
    </message>
    <message>
        <source>%1 (%2): the result is annulled and the candidate is banned from testing for %3 months. Reason: %4. This cannot be undone here.</source>
        <translation>%1 (%2): нәтиженің күші жойылады және үміткерге %3 айға тестілеуге тыйым салынады. Себебі: %4. Мұнда бұл әрекетті кері қайтару мүмкін емес.</translation>
    </message>
    <message>
        <source>%1 flags have no finding: the violation is given regardless of them.</source>
        <translation>Қорытындысыз белгілер: %1; бұзушылық оларға қарамастан тіркеледі.</translation>
    </message>
    <message>
        <source>Annul and ban</source>
        <translation>Күшін жою және тыйым салу</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Артқа</translation>
    </message>
</context>
</TS>
