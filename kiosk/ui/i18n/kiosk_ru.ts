<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Bilingual</name>
    <message>
        <source>Is this you?</source>
        <translation>Это вы?</translation>
    </message>
    <message>
        <source>If the name or the photo is not yours, the operator will come.</source>
        <translation>Если имя или фото не ваши, к вам подойдёт оператор.</translation>
    </message>
    <message>
        <source>Yes, this is me</source>
        <translation>Да, это я</translation>
    </message>
    <message>
        <source>No, this is not me</source>
        <translation>Нет, это не я</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Вернуться</translation>
    </message>
    <message>
        <source>Not me: call the operator</source>
        <translation>Это не я: позвать оператора</translation>
    </message>
    <message>
        <source>Only if the name or the photo is not yours: the seat pauses and the operator comes.</source>
        <translation>Только если имя или фото не ваши: место будет приостановлено, и к вам подойдёт оператор.</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Нет фото</translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation>Место %1</translation>
    </message>
    <message>
        <source>Please wait for the operator.</source>
        <translation>Пожалуйста, ожидайте оператора.</translation>
    </message>
    <message>
        <source>Choose the language of the test</source>
        <translation>Выберите язык теста</translation>
    </message>
    <message>
        <source>The test and everything on the screen will be in that language.</source>
        <translation>Тест и все надписи на экране будут на этом языке.</translation>
    </message>
    <message>
        <source>The test is paused</source>
        <translation>Тест приостановлен</translation>
    </message>
    <message>
        <source>Your time is stopped and your answers are saved. The test continues by itself when the operator resumes the room.</source>
        <translation>Ваше время остановлено, ответы сохранены. Тест продолжится сам, когда оператор возобновит тестирование в зале.</translation>
    </message>
    <message>
        <source>Your time is stopped and your answers are saved. The operator will enter a code.</source>
        <translation>Время остановлено, ответы сохранены. Оператор введёт код.</translation>
    </message>
    <message>
        <source>This seat is locked</source>
        <translation>Это место заблокировано</translation>
    </message>
    <message>
        <source>Please wait: the operator will enter a code to open it.</source>
        <translation>Пожалуйста, подождите: оператор введёт код, чтобы открыть его.</translation>
    </message>
</context>
<context>
    <name>CameraScreen</name>
    <message>
        <source>Camera check</source>
        <translation>Проверка камеры</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>← Language</source>
        <translation>← Язык</translation>
    </message>
    <message>
        <source>The camera is not available. The operator has been told.</source>
        <translation>Камера недоступна. Оператор уведомлён.</translation>
    </message>
    <message>
        <source>Your face is in view. You are ready.</source>
        <translation>Ваше лицо в кадре. Можно продолжать.</translation>
    </message>
    <message>
        <source>No face in view. Sit straight in front of the camera.</source>
        <translation>Лицо не видно. Сядьте прямо перед камерой.</translation>
    </message>
    <message>
        <source>More than one face in view. Only you may be at the seat.</source>
        <translation>В кадре несколько лиц. За местом должны быть только вы.</translation>
    </message>
    <message>
        <source>Looking for your face…</source>
        <translation>Поиск лица…</translation>
    </message>
</context>
<context>
    <name>FinishScreen</name>
    <message>
        <source>passed</source>
        <translation>пройден</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>не пройден</translation>
    </message>
    <message>
        <source>result reported</source>
        <translation>результат передан</translation>
    </message>
    <message>
        <source>annulled</source>
        <translation>аннулирован</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n point(s), %3</source>
        <translation>
            <numerusform>%1: %2 из %n балла, %3</numerusform>
            <numerusform>%1: %2 из %n баллов, %3</numerusform>
            <numerusform>%1: %2 из %n баллов, %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — correct answers: %2 of %3 (at least %4 needed): %5</source>
        <translation>%1 — правильных ответов: %2 из %3 (нужно не менее %4): %5</translation>
    </message>
    <message>
        <source>This part is over. Next: %1</source>
        <translation>Эта часть завершена. Далее: %1</translation>
    </message>
    <message>
        <source>The operator has ended your test.</source>
        <translation>Оператор завершил ваш тест.</translation>
    </message>
    <message>
        <source>The test is over. Thank you.</source>
        <translation>Тест завершён. Спасибо.</translation>
    </message>
    <message>
        <source>The next part has its own time. Press the button when you are ready.</source>
        <translation>У следующей части своё время. Нажмите кнопку, когда будете готовы.</translation>
    </message>
    <message>
        <source>The result is final after the proctor reviews the recording. Please leave your seat quietly.</source>
        <translation>Результат станет окончательным после проверки записи проктором. Пожалуйста, тихо покиньте место.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
</context>
<context>
    <name>InstructionsScreen</name>
    <message numerus="yes">
        <source>Questions: %1. Time: %n minute(s).</source>
        <translation>
            <numerusform>Вопросов: %1. Время: %n минута.</numerusform>
            <numerusform>Вопросов: %1. Время: %n минуты.</numerusform>
            <numerusform>Вопросов: %1. Время: %n минут.</numerusform>
        </translation>
    </message>
    <message>
        <source>Begin the test</source>
        <translation>Начать тест</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Seat %1</source>
        <translation>Место %1</translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation>● Связь есть</translation>
    </message>
    <message numerus="yes">
        <source>● No connection: %n answer(s) wait on this computer</source>
        <translation>
            <numerusform>● Нет связи: %n ответ ждёт отправки</numerusform>
            <numerusform>● Нет связи: %n ответа ждут отправки</numerusform>
            <numerusform>● Нет связи: %n ответов ждут отправки</numerusform>
        </translation>
    </message>
    <message>
        <source>● No connection</source>
        <translation>● Нет связи</translation>
    </message>
    <message>
        <source>● Recording</source>
        <translation>● Идёт запись</translation>
    </message>
    <message>
        <source>Camera problem: the operator is told</source>
        <translation>Сбой камеры: оператор уведомлён</translation>
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
        <translation>Вернуть</translation>
    </message>
    <message>
        <source>Rule out</source>
        <translation>Зачеркнуть</translation>
    </message>
    <message>
        <source>%1 (ruled out)</source>
        <translation>%1 (зачёркнуто)</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>%1 · %2 of %3 answered</source>
        <translation>%1 · отвечено %2 из %3</translation>
    </message>
    <message>
        <source>All questions</source>
        <translation>Все вопросы</translation>
    </message>
    <message>
        <source>Answered: %1 of %2. Flagged: %3.</source>
        <translation>Отвечено: %1 из %2. Отмечено: %3.</translation>
    </message>
    <message>
        <source>Filled: answered. Outlined: not answered. ⚑ orange: flagged for review.</source>
        <translation>Закрашен: есть ответ. Контур: нет ответа. ⚑ оранжевый: отмечен для проверки.</translation>
    </message>
</context>
<context>
    <name>QuestionsScreen</name>
    <message>
        <source>%1 · Question %2 of %3</source>
        <translation>%1 · Вопрос %2 из %3</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Мельче</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Крупнее</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Контраст</translation>
    </message>
    <message>
        <source>The operator is coming</source>
        <translation>Оператор идёт</translation>
    </message>
    <message>
        <source>Call the operator</source>
        <translation>Вызвать оператора</translation>
    </message>
    <message>
        <source>Choose all that apply.</source>
        <translation>Выберите все верные варианты.</translation>
    </message>
    <message>
        <source>Remove flag</source>
        <translation>Снять отметку</translation>
    </message>
    <message>
        <source>Flag for review</source>
        <translation>Отметить</translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation>← Назад</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>Далее →</translation>
    </message>
    <message>
        <source>Review and finish</source>
        <translation>Проверить и завершить</translation>
    </message>
    <message>
        <source>Finish the test</source>
        <translation>Завершить тест</translation>
    </message>
    <message>
        <source>Show time</source>
        <translation>Показать время</translation>
    </message>
    <message>
        <source>Hide time</source>
        <translation>Скрыть время</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Осталось:</translation>
    </message>
    <message>
        <source>Clear answer</source>
        <translation>Снять ответ</translation>
    </message>
    <message>
        <source>✓ Saved: %1</source>
        <translation>✓ Сохранено: %1</translation>
    </message>
    <message>
        <source>✓ Answer cleared</source>
        <translation>✓ Ответ снят</translation>
    </message>
    <message>
        <source>%1 is closed: its time is over. Go on with the other questions.</source>
        <translation>%1: время раздела истекло, он закрыт. Переходите к остальным вопросам.</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) left.</source>
        <translation>
            <numerusform>Осталась %n минута.</numerusform>
            <numerusform>Осталось %n минуты.</numerusform>
            <numerusform>Осталось %n минут.</numerusform>
        </translation>
    </message>
    <message>
        <source>Time left: %1</source>
        <translation>Осталось времени: %1</translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1 (закрыт)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n min left)</source>
        <translation>
            <numerusform>%1 (осталась %n мин)</numerusform>
            <numerusform>%1 (осталось %n мин)</numerusform>
            <numerusform>%1 (осталось %n мин)</numerusform>
        </translation>
    </message>
    <message>
        <source>1 minute left. Answers you have chosen are saved.</source>
        <translation>Осталась 1 минута. Выбранные ответы сохранены.</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Finish the test now? You cannot return to it.</source>
        <translation>Завершить тест сейчас? Вернуться к нему будет нельзя.</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) not answered.</source>
        <translation>
            <numerusform>%n вопрос без ответа.</numerusform>
            <numerusform>%n вопроса без ответа.</numerusform>
            <numerusform>%n вопросов без ответа.</numerusform>
        </translation>
    </message>
    <message>
        <source>Back to the test</source>
        <translation>Вернуться к тесту</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <source>Not answered or flagged (⚑): press a number to go back to it.</source>
        <translation>Без ответа или отмечены (⚑): нажмите номер, чтобы вернуться к вопросу.</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>You may move freely between questions, leave some unanswered and come back. You may change any answer until the time is over.</source>
        <translation>Можно свободно переходить между вопросами, пропускать их и возвращаться. Любой ответ можно изменить, пока не истекло время.</translation>
    </message>
    <message>
        <source>Each answer is saved the moment you choose it. When the time is over, the test ends and your saved answers are scored.</source>
        <translation>Каждый ответ сохраняется сразу после выбора. Когда время истечёт, тест завершится и сохранённые ответы будут оценены.</translation>
    </message>
    <message>
        <source>Every option counts: choose the one closest to how you would act.</source>
        <translation>Каждый вариант оценивается: выберите наиболее близкий к тому, как вы поступили бы.</translation>
    </message>
    <message>
        <source>Talking, notes, phones and other devices are not allowed. The camera records the whole test.</source>
        <translation>Запрещено разговаривать, пользоваться записями, телефонами и другими устройствами. Камера записывает весь тест.</translation>
    </message>
    <message>
        <source>The room server cannot store anything now. Call the operator.</source>
        <translation>Сервер зала сейчас не может ничего сохранить. Позовите оператора.</translation>
    </message>
    <message>
        <source>The questions of this test are not loaded in the hall. Call the operator.</source>
        <translation>Вопросы этого теста не загружены в зал. Позовите оператора.</translation>
    </message>
    <message>
        <source>This computer is not enrolled as a seat. Call the operator.</source>
        <translation>Этот компьютер не зарегистрирован как место. Позовите оператора.</translation>
    </message>
    <message>
        <source>This test belongs to another seat. Call the operator.</source>
        <translation>Этот тест относится к другому месту. Позовите оператора.</translation>
    </message>
    <message>
        <source>This part has not been opened yet. Call the operator.</source>
        <translation>Эта часть ещё не открыта. Позовите оператора.</translation>
    </message>
    <message>
        <source>This part is already finished: its answers are kept.</source>
        <translation>Эта часть уже завершена: её ответы сохранены.</translation>
    </message>
    <message>
        <source>This test is not given to you in that language. Choose another one.</source>
        <translation>Этот тест не проводится для вас на этом языке. Выберите другой язык.</translation>
    </message>
    <message>
        <source>This seat is paused. The operator will give you the code.</source>
        <translation>Работа этого места приостановлена. Оператор сообщит вам код.</translation>
    </message>
    <message>
        <source>The whole room is paused. Please wait for the operator.</source>
        <translation>Тестирование в зале приостановлено. Пожалуйста, ожидайте оператора.</translation>
    </message>
    <message>
        <source>The previous part is not finished yet. Finish it first.</source>
        <translation>Предыдущая часть ещё не завершена. Сначала завершите её.</translation>
    </message>
    <message>
        <source>No connection to the room server. Your answers are kept on this computer.</source>
        <translation>Нет связи с сервером зала. Ваши ответы хранятся на этом компьютере.</translation>
    </message>
    <message>
        <source>Please wait for the operator.</source>
        <translation>Пожалуйста, ожидайте оператора.</translation>
    </message>
    <message>
        <source>The operator has been called. Please stay in your seat.</source>
        <translation>Оператор вызван. Пожалуйста, оставайтесь на месте.</translation>
    </message>
    <message>
        <source>The session has not started yet. The button opens when it does.</source>
        <translation>Сессия ещё не началась. Кнопка станет доступна, когда она начнётся.</translation>
    </message>
    <message>
        <source>Opening the test…</source>
        <translation>Открываем тест…</translation>
    </message>
    <message>
        <source>This section&apos;s time is over: its answers can no longer be changed.</source>
        <translation>Время этого раздела истекло: ответы в нём больше нельзя изменить.</translation>
    </message>
    <message>
        <source>Saving your answers…</source>
        <translation>Сохраняем ответы…</translation>
    </message>
    <message>
        <source>Waiting for the room server. Your answers are safe on this computer.</source>
        <translation>Ожидание сервера зала. Ваши ответы сохранены на этом компьютере.</translation>
    </message>
    <message>
        <source>The room server refused this. Call the operator.</source>
        <translation>Сервер зала отклонил действие. Позовите оператора.</translation>
    </message>
    <message>
        <source>That code is not right. Try again.</source>
        <translation>Неверный код. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the code of this catalogue&apos;s language</comment>
        <translation>ru</translation>
    </message>
    <message>
        <source>To pass you need at least %1 correct answers in all, and at least %2 in each part.</source>
        <translation>Для прохождения нужно не менее %1 верных ответов всего и не менее %2 по каждому разделу.</translation>
    </message>
    <message>
        <source>Too many wrong codes. The operator must give a new one.</source>
        <translation>Слишком много неверных кодов. Оператор должен выдать новый.</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Проверка кода…</translation>
    </message>
    <message>
        <source>The test program was restarted after a failure.</source>
        <translation>Программа тестирования перезапущена после сбоя.</translation>
    </message>
    <message>
        <source>A program that is not allowed during the test is running.</source>
        <translation>Запущена программа, запрещённая во время теста.</translation>
    </message>
    <message>
        <source>This computer is a virtual machine.</source>
        <translation>Этот компьютер — виртуальная машина.</translation>
    </message>
    <message>
        <source>A remote session was detected.</source>
        <translation>Обнаружен удалённый доступ.</translation>
    </message>
    <message>
        <source>The operator paused this seat.</source>
        <translation>Оператор приостановил работу этого места.</translation>
    </message>
    <message>
        <source>The whole room is paused. Your time is stopped and will be given back. Please stay in your seat.</source>
        <translation>Тестирование в зале приостановлено. Ваше время остановлено и будет возвращено. Пожалуйста, оставайтесь на месте.</translation>
    </message>
    <message>
        <source>You said the name on the screen is not yours. The operator is coming.</source>
        <translation>Вы сообщили, что имя на экране не ваше. Оператор идёт к вам.</translation>
    </message>
    <message>
        <source>Your test continues at this seat. The operator will give you the code.</source>
        <translation>Ваш тест продолжается на этом месте. Оператор сообщит вам код.</translation>
    </message>
    <message>
        <source>The test is paused for the operator.</source>
        <translation>Тест приостановлен до прихода оператора.</translation>
    </message>
</context>
<context>
    <name>TutorialScreen</name>
    <message>
        <source>Choose an answer with a click or the keys 1–9; it is saved at once. Clear answer takes it back.</source>
        <translation>Выберите ответ щелчком или клавишами 1–9; он сохраняется сразу. «Снять ответ» отменяет его.</translation>
    </message>
    <message>
        <source>Rule out strikes an option through, to help you think; it is not an answer.</source>
        <translation>«Зачеркнуть» зачёркивает вариант, чтобы было легче думать; это не ответ.</translation>
    </message>
    <message>
        <source>Flag for review marks a question to come back to. The overview on the right shows every question: filled when answered, ⚑ when flagged.</source>
        <translation>«Отметить» помечает вопрос, чтобы вернуться к нему. Обзор справа показывает все вопросы: закрашен — есть ответ, ⚑ — отмечен.</translation>
    </message>
    <message>
        <source>A− and A+ change the text size; Contrast switches to white on black.</source>
        <translation>A− и A+ меняют размер текста; «Контраст» включает белый текст на чёрном.</translation>
    </message>
    <message>
        <source>← and → (or Page Up and Page Down) move between questions; F flags; Delete clears.</source>
        <translation>← и → (или Page Up и Page Down) переходят между вопросами; F отмечает; Delete снимает ответ.</translation>
    </message>
    <message>
        <source>The timer shows the time left; you may hide it, and warnings come at 5 and 1 minutes. Call the operator if you need help.</source>
        <translation>Таймер показывает оставшееся время; его можно скрыть, предупреждения появятся за 5 и за 1 минуту. Если нужна помощь, вызовите оператора.</translation>
    </message>
    <message>
        <source>How the test works</source>
        <translation>Как проходит тест</translation>
    </message>
    <message>
        <source>A practice question: not timed, not scored, not sent anywhere.</source>
        <translation>Пробный вопрос: без времени, без оценки, никуда не отправляется.</translation>
    </message>
    <message>
        <source>How much is 2 + 3?</source>
        <translation>Сколько будет 2 + 3?</translation>
    </message>
    <message>
        <source>Try choosing an answer.</source>
        <translation>Попробуйте выбрать ответ.</translation>
    </message>
    <message>
        <source>✓ Right. In the test, a chosen answer is saved like this.</source>
        <translation>✓ Верно. В тесте выбранный ответ сохраняется так же.</translation>
    </message>
    <message>
        <source>That is not it, but now you know how choosing works.</source>
        <translation>Это не так, но теперь вы знаете, как выбирать ответ.</translation>
    </message>
    <message>
        <source>I am ready</source>
        <translation>Я готов(а)</translation>
    </message>
</context>
</TS>
