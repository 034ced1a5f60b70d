<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>CodeDialog</name>
    <message>
        <source>Resume code for seat %1</source>
        <translation>%1 орнына жалғастыру коды</translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation>%1 орын</translation>
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
        <source>The walk-through alarmed: walk through again or record the wand</source>
        <translation>Рамка іске қосылды: қайта өту немесе қол металл іздегішпен тексеру</translation>
    </message>
    <message>
        <source>no seat yet</source>
        <translation>орын берілмеді</translation>
    </message>
    <message>
        <source>%1 admitted: seat %2</source>
        <translation>%1 жіберілді: %2 орын</translation>
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
        <translation>%1 орын: %2 мин</translation>
    </message>
    <message>
        <source>Seat %1: the test is terminated</source>
        <translation>%1 орын: тестілеу тоқтатылды</translation>
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
        <source>State language</source>
        <translation>Мемлекеттік тіл</translation>
    </message>
    <message>
        <source>Legislation</source>
        <translation>Заңнама</translation>
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
        <translation>Жіберілген (%1 орын)</translation>
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
        <source>The walk-through alarmed: walk through again or use the wand</source>
        <translation>Рамка іске қосылды: қайта өту немесе қол металл іздегішпен тексеру</translation>
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
        <translation>%1 орын</translation>
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
        <source>Pause the whole room</source>
        <translation>Бүкіл залда үзіліс</translation>
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
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>The room server does not answer: %1</source>
        <translation>Зал сервері жауап бермейді: %1</translation>
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
</TS>
