<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>Bilingual</name>
    <message>
        <source>Is this you?</source>
        <translation>Бұл сізсіз бе?</translation>
    </message>
    <message>
        <source>If the name or the photo is not yours, the operator will come.</source>
        <translation>Егер аты-жөні немесе сурет сіздікі болмаса, оператор келеді.</translation>
    </message>
    <message>
        <source>Yes, this is me</source>
        <translation>Иә, бұл менмін</translation>
    </message>
    <message>
        <source>No, this is not me</source>
        <translation>Жоқ, бұл мен емеспін</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Артқа қайту</translation>
    </message>
    <message>
        <source>Not me: call the operator</source>
        <translation>Бұл мен емеспін: операторды шақыру</translation>
    </message>
    <message>
        <source>Only if the name or the photo is not yours: the seat pauses and the operator comes.</source>
        <translation>Аты-жөні немесе сурет сіздікі болмаған жағдайда ғана: орын тоқтатылады және оператор келеді.</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Сурет жоқ</translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation>Орын %1</translation>
    </message>
    <message>
        <source>Please wait for the operator.</source>
        <translation>Операторды күтіңіз.</translation>
    </message>
    <message>
        <source>Choose the language of the test</source>
        <translation>Тест тілін таңдаңыз</translation>
    </message>
    <message>
        <source>The test and everything on the screen will be in that language.</source>
        <translation>Тест пен экрандағы барлық мәтін осы тілде болады.</translation>
    </message>
    <message>
        <source>The test is paused</source>
        <translation>Тест тоқтатылды</translation>
    </message>
    <message>
        <source>Your time is stopped and your answers are saved. The test continues by itself when the operator resumes the room.</source>
        <translation>Уақытыңыз тоқтатылды, жауаптарыңыз сақталды. Оператор залдағы тестілеуді жалғастырғанда тест өзі жалғасады.</translation>
    </message>
    <message>
        <source>Your time is stopped and your answers are saved. The operator will enter a code.</source>
        <translation>Уақыт тоқтатылды, жауаптар сақталды. Оператор код енгізеді.</translation>
    </message>
    <message>
        <source>This seat is locked</source>
        <translation>Бұл орын бұғатталды</translation>
    </message>
    <message>
        <source>Please wait: the operator will enter a code to open it.</source>
        <translation>Күте тұрыңыз: оператор оны ашу үшін код енгізеді.</translation>
    </message>
</context>
<context>
    <name>CameraScreen</name>
    <message>
        <source>Camera check</source>
        <translation>Камераны тексеру</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Жалғастыру</translation>
    </message>
    <message>
        <source>← Language</source>
        <translation>← Тіл</translation>
    </message>
    <message>
        <source>The camera is not available. The operator has been told.</source>
        <translation>Камера қолжетімсіз. Операторға хабарланды.</translation>
    </message>
    <message>
        <source>Your face is in view. You are ready.</source>
        <translation>Бетіңіз кадрда. Жалғастыруға болады.</translation>
    </message>
    <message>
        <source>No face in view. Sit straight in front of the camera.</source>
        <translation>Бетіңіз көрінбейді. Камераның алдында тура отырыңыз.</translation>
    </message>
    <message>
        <source>More than one face in view. Only you may be at the seat.</source>
        <translation>Кадрда бірнеше адам бар. Орында тек сіз болуыңыз керек.</translation>
    </message>
    <message>
        <source>Looking for your face…</source>
        <translation>Бетіңіз ізделуде…</translation>
    </message>
</context>
<context>
    <name>FinishScreen</name>
    <message>
        <source>passed</source>
        <translation>өтті</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>өтпеді</translation>
    </message>
    <message>
        <source>result reported</source>
        <translation>нәтиже жіберілді</translation>
    </message>
    <message>
        <source>annulled</source>
        <translation>жойылды</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n point(s), %3</source>
        <translation>
            <numerusform>%1: %n ұпайдан %2, %3</numerusform>
            <numerusform>%1: %n ұпайдан %2, %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — correct answers: %2 of %3 (at least %4 needed): %5</source>
        <translation>%1 — дұрыс жауаптар: %2 / %3 (кемінде %4 керек): %5</translation>
    </message>
    <message>
        <source>This part is over. Next: %1</source>
        <translation>Бұл бөлім аяқталды. Келесі: %1</translation>
    </message>
    <message>
        <source>The operator has ended your test.</source>
        <translation>Оператор сіздің тестіңізді аяқтады.</translation>
    </message>
    <message>
        <source>The test is over. Thank you.</source>
        <translation>Тест аяқталды. Рақмет.</translation>
    </message>
    <message>
        <source>The next part has its own time. Press the button when you are ready.</source>
        <translation>Келесі бөлімнің өз уақыты бар. Дайын болғанда батырманы басыңыз.</translation>
    </message>
    <message>
        <source>The result is final after the proctor reviews the recording. Please leave your seat quietly.</source>
        <translation>Нәтиже проктор жазбаны тексергеннен кейін түпкілікті болады. Орныңыздан тыныш кетіңіз.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Жалғастыру</translation>
    </message>
</context>
<context>
    <name>InstructionsScreen</name>
    <message numerus="yes">
        <source>Questions: %1. Time: %n minute(s).</source>
        <translation>
            <numerusform>Сұрақтар: %1. Уақыты: %n минут.</numerusform>
            <numerusform>Сұрақтар: %1. Уақыты: %n минут.</numerusform>
        </translation>
    </message>
    <message>
        <source>Begin the test</source>
        <translation>Тестті бастау</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Seat %1</source>
        <translation>Орын %1</translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation>● Байланыс бар</translation>
    </message>
    <message numerus="yes">
        <source>● No connection: %n answer(s) wait on this computer</source>
        <translation>
            <numerusform>● Байланыс жоқ: %n жауап осы компьютерде жіберуді күтуде</numerusform>
            <numerusform>● Байланыс жоқ: %n жауап осы компьютерде жіберуді күтуде</numerusform>
        </translation>
    </message>
    <message>
        <source>● No connection</source>
        <translation>● Байланыс жоқ</translation>
    </message>
    <message>
        <source>● Recording</source>
        <translation>● Жазылуда</translation>
    </message>
    <message>
        <source>Camera problem: the operator is told</source>
        <translation>Камера ақауы: операторға хабарланды</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
</context>
<context>
    <name>OptionRow</name>
    <message>
        <source>Bring back</source>
        <translation>Қайтару</translation>
    </message>
    <message>
        <source>Rule out</source>
        <translation>Сызып тастау</translation>
    </message>
    <message>
        <source>%1 (ruled out)</source>
        <translation>%1 (сызылған)</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>%1 · %2 of %3 answered</source>
        <translation>%1 · %3 сұрақтың %2-не жауап берілді</translation>
    </message>
    <message>
        <source>All questions</source>
        <translation>Барлық сұрақтар</translation>
    </message>
    <message>
        <source>Answered: %1 of %2. Flagged: %3.</source>
        <translation>Жауап берілді: %2 ішінен %1. Белгіленді: %3.</translation>
    </message>
    <message>
        <source>Filled: answered. Outlined: not answered. ⚑ orange: flagged for review.</source>
        <translation>Боялған: жауап бар. Контур: жауап жоқ. ⚑ қызғылт сары: белгіленген.</translation>
    </message>
</context>
<context>
    <name>QuestionsScreen</name>
    <message>
        <source>%1 · Question %2 of %3</source>
        <translation>%1 · %3 сұрақтың %2-сі</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Кішірек</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Үлкенірек</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Контраст</translation>
    </message>
    <message>
        <source>The operator is coming</source>
        <translation>Оператор келе жатыр</translation>
    </message>
    <message>
        <source>Call the operator</source>
        <translation>Операторды шақыру</translation>
    </message>
    <message>
        <source>Choose all that apply.</source>
        <translation>Барлық дұрыс нұсқаларды таңдаңыз.</translation>
    </message>
    <message>
        <source>Remove flag</source>
        <translation>Белгіні алу</translation>
    </message>
    <message>
        <source>Flag for review</source>
        <translation>Белгілеу</translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation>← Алдыңғы</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>Келесі →</translation>
    </message>
    <message>
        <source>Review and finish</source>
        <translation>Тексеру және аяқтау</translation>
    </message>
    <message>
        <source>Finish the test</source>
        <translation>Тестті аяқтау</translation>
    </message>
    <message>
        <source>Show time</source>
        <translation>Уақытты көрсету</translation>
    </message>
    <message>
        <source>Hide time</source>
        <translation>Уақытты жасыру</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Қалды:</translation>
    </message>
    <message>
        <source>Clear answer</source>
        <translation>Жауапты алу</translation>
    </message>
    <message>
        <source>✓ Saved: %1</source>
        <translation>✓ Сақталды: %1</translation>
    </message>
    <message>
        <source>✓ Answer cleared</source>
        <translation>✓ Жауап алынды</translation>
    </message>
    <message>
        <source>%1 is closed: its time is over. Go on with the other questions.</source>
        <translation>%1 жабылды: оның уақыты бітті. Басқа сұрақтарға көшіңіз.</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) left.</source>
        <translation>
            <numerusform>%n минут қалды.</numerusform>
            <numerusform>%n минут қалды.</numerusform>
        </translation>
    </message>
    <message>
        <source>Time left: %1</source>
        <translation>Қалған уақыт: %1</translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1 (жабық)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n min left)</source>
        <translation>
            <numerusform>%1 (%n мин қалды)</numerusform>
            <numerusform>%1 (%n мин қалды)</numerusform>
        </translation>
    </message>
    <message>
        <source>1 minute left. Answers you have chosen are saved.</source>
        <translation>1 минут қалды. Таңдалған жауаптар сақталған.</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Finish the test now? You cannot return to it.</source>
        <translation>Тестті қазір аяқтайсыз ба? Оған қайта оралу мүмкін болмайды.</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) not answered.</source>
        <translation>
            <numerusform>%n сұраққа жауап берілмеген.</numerusform>
            <numerusform>%n сұраққа жауап берілмеген.</numerusform>
        </translation>
    </message>
    <message>
        <source>Back to the test</source>
        <translation>Тестке оралу</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Аяқтау</translation>
    </message>
    <message>
        <source>Not answered or flagged (⚑): press a number to go back to it.</source>
        <translation>Жауап берілмеген немесе белгіленген (⚑): оған оралу үшін нөмірді басыңыз.</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>You may move freely between questions, leave some unanswered and come back. You may change any answer until the time is over.</source>
        <translation>Сұрақтар арасында еркін ауысуға, кейбірін өткізіп, қайта оралуға болады. Уақыт біткенше кез келген жауапты өзгертуге болады.</translation>
    </message>
    <message>
        <source>Each answer is saved the moment you choose it. When the time is over, the test ends and your saved answers are scored.</source>
        <translation>Әр жауап таңдалған сәтте сақталады. Уақыт біткенде тест аяқталады және сақталған жауаптар бағаланады.</translation>
    </message>
    <message>
        <source>Every option counts: choose the one closest to how you would act.</source>
        <translation>Әр нұсқа бағаланады: өзіңіздің әрекетіңізге ең жақынын таңдаңыз.</translation>
    </message>
    <message>
        <source>Talking, notes, phones and other devices are not allowed. The camera records the whole test.</source>
        <translation>Сөйлесуге, жазбаларды, телефондар мен басқа құрылғыларды пайдалануға тыйым салынады. Камера бүкіл тестті жазады.</translation>
    </message>
    <message>
        <source>The room server cannot store anything now. Call the operator.</source>
        <translation>Зал сервері қазір ештеңені сақтай алмайды. Операторды шақырыңыз.</translation>
    </message>
    <message>
        <source>The questions of this test are not loaded in the hall. Call the operator.</source>
        <translation>Бұл тесттің сұрақтары залға жүктелмеген. Операторды шақырыңыз.</translation>
    </message>
    <message>
        <source>This computer is not enrolled as a seat. Call the operator.</source>
        <translation>Бұл компьютер орын ретінде тіркелмеген. Операторды шақырыңыз.</translation>
    </message>
    <message>
        <source>This test belongs to another seat. Call the operator.</source>
        <translation>Бұл тест басқа орынға тиесілі. Операторды шақырыңыз.</translation>
    </message>
    <message>
        <source>This part has not been opened yet. Call the operator.</source>
        <translation>Бұл бөлім әлі ашылған жоқ. Операторды шақырыңыз.</translation>
    </message>
    <message>
        <source>This part is already finished: its answers are kept.</source>
        <translation>Бұл бөлім аяқталған: оның жауаптары сақталды.</translation>
    </message>
    <message>
        <source>This test is not given to you in that language. Choose another one.</source>
        <translation>Бұл тест сізге осы тілде берілмейді. Басқа тілді таңдаңыз.</translation>
    </message>
    <message>
        <source>This seat is paused. The operator will give you the code.</source>
        <translation>Бұл орын тоқтатылды. Оператор сізге кодты береді.</translation>
    </message>
    <message>
        <source>The whole room is paused. Please wait for the operator.</source>
        <translation>Залдағы тестілеу тоқтатылды. Операторды күтіңіз.</translation>
    </message>
    <message>
        <source>The previous part is not finished yet. Finish it first.</source>
        <translation>Алдыңғы бөлім әлі аяқталған жоқ. Алдымен оны аяқтаңыз.</translation>
    </message>
    <message>
        <source>No connection to the room server. Your answers are kept on this computer.</source>
        <translation>Зал серверімен байланыс жоқ. Жауаптарыңыз осы компьютерде сақтаулы.</translation>
    </message>
    <message>
        <source>Please wait for the operator.</source>
        <translation>Операторды күтіңіз.</translation>
    </message>
    <message>
        <source>The operator has been called. Please stay in your seat.</source>
        <translation>Оператор шақырылды. Орныңыздан тұрмаңыз.</translation>
    </message>
    <message>
        <source>The session has not started yet. The button opens when it does.</source>
        <translation>Сессия әлі басталған жоқ. Басталғанда батырма ашылады.</translation>
    </message>
    <message>
        <source>Opening the test…</source>
        <translation>Тест ашылуда…</translation>
    </message>
    <message>
        <source>This section&apos;s time is over: its answers can no longer be changed.</source>
        <translation>Бұл бөлімнің уақыты бітті: оның жауаптарын енді өзгертуге болмайды.</translation>
    </message>
    <message>
        <source>Saving your answers…</source>
        <translation>Жауаптар сақталуда…</translation>
    </message>
    <message>
        <source>Waiting for the room server. Your answers are safe on this computer.</source>
        <translation>Зал серверін күтуде. Жауаптарыңыз осы компьютерде сақтаулы.</translation>
    </message>
    <message>
        <source>The room server refused this. Call the operator.</source>
        <translation>Зал сервері бас тартты. Операторды шақырыңыз.</translation>
    </message>
    <message>
        <source>That code is not right. Try again.</source>
        <translation>Код қате. Қайталап көріңіз.</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the code of this catalogue&apos;s language</comment>
        <translation>kk</translation>
    </message>
    <message>
        <source>To pass you need at least %1 correct answers in all, and at least %2 in each part.</source>
        <translation>Өту үшін барлығы кемінде %1 дұрыс жауап және әр бөлімнен кемінде %2 дұрыс жауап қажет.</translation>
    </message>
    <message>
        <source>Too many wrong codes. The operator must give a new one.</source>
        <translation>Қате кодтар тым көп. Оператор жаңа код беруі керек.</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Код тексерілуде…</translation>
    </message>
    <message>
        <source>The test program was restarted after a failure.</source>
        <translation>Тест бағдарламасы ақаудан кейін қайта іске қосылды.</translation>
    </message>
    <message>
        <source>A program that is not allowed during the test is running.</source>
        <translation>Тест кезінде тыйым салынған бағдарлама іске қосылған.</translation>
    </message>
    <message>
        <source>This computer is a virtual machine.</source>
        <translation>Бұл компьютер — виртуалды машина.</translation>
    </message>
    <message>
        <source>A remote session was detected.</source>
        <translation>Қашықтан қосылу анықталды.</translation>
    </message>
    <message>
        <source>The operator paused this seat.</source>
        <translation>Оператор бұл орынды тоқтата тұрды.</translation>
    </message>
    <message>
        <source>The whole room is paused. Your time is stopped and will be given back. Please stay in your seat.</source>
        <translation>Залдағы тестілеу тоқтатылды. Сіздің уақытыңыз тоқтатылды және қайтарылады. Орныңыздан тұрмаңыз.</translation>
    </message>
    <message>
        <source>You said the name on the screen is not yours. The operator is coming.</source>
        <translation>Экрандағы аты-жөн сіздікі емес дедіңіз. Оператор келе жатыр.</translation>
    </message>
    <message>
        <source>Your test continues at this seat. The operator will give you the code.</source>
        <translation>Тестіңіз осы орында жалғасады. Оператор сізге кодты береді.</translation>
    </message>
    <message>
        <source>The test is paused for the operator.</source>
        <translation>Тест оператор келгенше тоқтатылды.</translation>
    </message>
</context>
<context>
    <name>TutorialScreen</name>
    <message>
        <source>Choose an answer with a click or the keys 1–9; it is saved at once. Clear answer takes it back.</source>
        <translation>Жауапты тінтуірмен немесе 1–9 пернелерімен таңдаңыз; ол бірден сақталады. «Жауапты алу» оны қайтарады.</translation>
    </message>
    <message>
        <source>Rule out strikes an option through, to help you think; it is not an answer.</source>
        <translation>«Сызып тастау» нұсқаны сызып қояды, ойлануға көмектеседі; бұл жауап емес.</translation>
    </message>
    <message>
        <source>Flag for review marks a question to come back to. The overview on the right shows every question: filled when answered, ⚑ when flagged.</source>
        <translation>«Белгілеу» сұраққа кейін оралу үшін белгі қояды. Оң жақтағы шолу барлық сұрақтарды көрсетеді: жауап берілгені боялған, белгіленгені ⚑.</translation>
    </message>
    <message>
        <source>A− and A+ change the text size; Contrast switches to white on black.</source>
        <translation>A− және A+ мәтін өлшемін өзгертеді; «Контраст» қара фонда ақ мәтінге ауыстырады.</translation>
    </message>
    <message>
        <source>← and → (or Page Up and Page Down) move between questions; F flags; Delete clears.</source>
        <translation>← және → (немесе Page Up және Page Down) сұрақтар арасында жылжытады; F белгілейді; Delete жауапты алады.</translation>
    </message>
    <message>
        <source>The timer shows the time left; you may hide it, and warnings come at 5 and 1 minutes. Call the operator if you need help.</source>
        <translation>Таймер қалған уақытты көрсетеді; оны жасыруға болады, ескертулер 5 және 1 минут қалғанда шығады. Көмек керек болса, операторды шақырыңыз.</translation>
    </message>
    <message>
        <source>How the test works</source>
        <translation>Тест қалай өтеді</translation>
    </message>
    <message>
        <source>A practice question: not timed, not scored, not sent anywhere.</source>
        <translation>Жаттығу сұрағы: уақыты есептелмейді, бағаланбайды, ешқайда жіберілмейді.</translation>
    </message>
    <message>
        <source>How much is 2 + 3?</source>
        <translation>2 + 3 неше болады?</translation>
    </message>
    <message>
        <source>Try choosing an answer.</source>
        <translation>Жауапты таңдап көріңіз.</translation>
    </message>
    <message>
        <source>✓ Right. In the test, a chosen answer is saved like this.</source>
        <translation>✓ Дұрыс. Тестте таңдалған жауап осылай сақталады.</translation>
    </message>
    <message>
        <source>That is not it, but now you know how choosing works.</source>
        <translation>Бұл дұрыс емес, бірақ енді таңдаудың қалай жұмыс істейтінін білесіз.</translation>
    </message>
    <message>
        <source>I am ready</source>
        <translation>Мен дайынмын</translation>
    </message>
</context>
</TS>
