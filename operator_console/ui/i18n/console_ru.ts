<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AdminScreen</name>
    <message>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <source>Kiosks</source>
        <translation>Киоски</translation>
    </message>
    <message>
        <source>Banks and rosters</source>
        <translation>Банки и списки</translation>
    </message>
    <message>
        <source>Item statistics</source>
        <translation>Статистика заданий</translation>
    </message>
    <message>
        <source>Audit chain</source>
        <translation>Цепочка аудита</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>Check the audit chain (and ask the central system)</source>
        <translation>Проверить цепочку аудита (и спросить центральную систему)</translation>
    </message>
    <message>
        <source>it holds the same head</source>
        <translation>у неё та же вершина</translation>
    </message>
    <message>
        <source>it holds a DIFFERENT head: history was rewritten</source>
        <translation>у неё ДРУГАЯ вершина: история переписана</translation>
    </message>
    <message>
        <source>it holds a LATER head: the chain&apos;s last entries were removed</source>
        <translation>у неё БОЛЕЕ ПОЗДНЯЯ вершина: последние записи цепочки удалены</translation>
    </message>
    <message>
        <source>it had no record of the head the hall says it sent</source>
        <translation>у неё нет вершины, которую зал считает отправленной</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>не спрашивали</translation>
    </message>
    <message>
        <source>it has acknowledged no head yet</source>
        <translation>ещё не подтвердила ни одной вершины</translation>
    </message>
    <message>
        <source>no answer (%1)</source>
        <translation>нет ответа (%1)</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Ещё не проверено.</translation>
    </message>
    <message>
        <source>The chain holds: %1 entries. The central system: %2</source>
        <translation>Цепочка цела: %1 записей. Центральная система: %2</translation>
    </message>
    <message>
        <source>Broken at entry %1: %2 by %3, %4</source>
        <translation>Нарушена в записи %1: %2, кто: %3, %4</translation>
    </message>
    <message>
        <source>The chain was cut short: the central system holds a later head.</source>
        <translation>Цепочка укорочена: у центральной системы более поздняя вершина.</translation>
    </message>
    <message>
        <source>The chain was rewritten: the central system holds another head.</source>
        <translation>Цепочка переписана: у центральной системы другая вершина.</translation>
    </message>
    <message>
        <source>Entries: %1</source>
        <translation>Записей: %1</translation>
    </message>
    <message>
        <source>Head: %1</source>
        <translation>Вершина: %1</translation>
    </message>
    <message>
        <source>First broken entry: %1 (%2)</source>
        <translation>Первая нарушенная запись: %1 (%2)</translation>
    </message>
    <message>
        <source>The central system has acknowledged no head yet.</source>
        <translation>Центральная система ещё не подтвердила ни одной вершины.</translation>
    </message>
    <message>
        <source>Last head acknowledged upstream: entry %1, %2, at %3</source>
        <translation>Последняя подтверждённая вершина: запись %1, %2, в %3</translation>
    </message>
    <message>
        <source>It matches the chain.</source>
        <translation>Она совпадает с цепочкой.</translation>
    </message>
    <message>
        <source>It does NOT match the chain.</source>
        <translation>Она НЕ совпадает с цепочкой.</translation>
    </message>
    <message>
        <source>The central system: %1</source>
        <translation>Центральная система: %1</translation>
    </message>
</context>
<context>
    <name>BanksTab</name>
    <message>
        <source>Loaded banks</source>
        <translation>Загруженные банки</translation>
    </message>
    <message>
        <source>Refused packages</source>
        <translation>Отклонённые пакеты</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Программа</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Банк</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Вопросов</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Load a bank package…</source>
        <translation>Загрузить пакет банка…</translation>
    </message>
    <message>
        <source>Fetch today&apos;s roster</source>
        <translation>Получить список на сегодня</translation>
    </message>
    <message>
        <source>Import a signed roster…</source>
        <translation>Импортировать подписанный список…</translation>
    </message>
    <message>
        <source>Load a bank package</source>
        <translation>Загрузка пакета банка</translation>
    </message>
    <message>
        <source>Bank packages (*.hallbank)</source>
        <translation>Пакеты банков (*.hallbank)</translation>
    </message>
    <message>
        <source>Loaded %1 %2: %3, %4 questions</source>
        <translation>Загружен %1 %2: %3, вопросов: %4</translation>
    </message>
    <message>
        <source>Roster taken: %1 sessions, %2 candidates</source>
        <translation>Список принят: сессий %1, кандидатов %2</translation>
    </message>
    <message>
        <source>Import a signed roster</source>
        <translation>Импорт подписанного списка</translation>
    </message>
    <message>
        <source>Rosters (*.json)</source>
        <translation>Списки (*.json)</translation>
    </message>
    <message>
        <source>%1 is not a signed roster file</source>
        <translation>%1 — не файл подписанного списка</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>Enrollment code for seat %1</source>
        <translation>Код регистрации для места %1</translation>
    </message>
    <message>
        <source>Resume code for seat %1</source>
        <translation>Код продолжения для места %1</translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation>Место %1</translation>
    </message>
    <message>
        <source>Type it at the new kiosk (hall-provision kiosk --code). Valid until %1, for one kiosk.</source>
        <translation>Введите его на новом киоске (hall-provision kiosk --code). Действует до %1, для одного киоска.</translation>
    </message>
    <message>
        <source>Type it at the seat. Valid until %1, for one use.</source>
        <translation>Введите на месте. Действует до %1, один раз.</translation>
    </message>
</context>
<context>
    <name>ConsoleModel</name>
    <message>
        <source>The room server does not answer; the picture is kept.</source>
        <translation>Сервер зала не отвечает; картина сохранена.</translation>
    </message>
    <message>
        <source>Your sign-in has ended: %1. Sign in again.</source>
        <translation>Ваш вход завершён: %1. Войдите снова.</translation>
    </message>
    <message>
        <source>Session started: admission is closed</source>
        <translation>Сессия начата: допуск закрыт</translation>
    </message>
    <message>
        <source>The room is paused: every running seat&apos;s clock is stopped</source>
        <translation>Зал на паузе: время на всех местах остановлено</translation>
    </message>
    <message>
        <source>The room is resumed: every seat got its time back</source>
        <translation>Зал продолжает: всем местам возвращено время</translation>
    </message>
    <message>
        <source>%1 already admitted by %2 at %3</source>
        <translation>%1 уже допущен(а) — допустил(а) %2 в %3</translation>
    </message>
    <message>
        <source>no seat yet</source>
        <translation>место не назначено</translation>
    </message>
    <message>
        <source>%1 admitted: seat %2</source>
        <translation>%1 допущен(а): место %2</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1: отказ в допуске: %2</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <translation>%1: отказ в допуске</translation>
    </message>
    <message>
        <source>Seat %1 paused</source>
        <translation>Место %1 на паузе</translation>
    </message>
    <message>
        <source>Seat %1: %2 min</source>
        <translation>Место %1: %2 мин</translation>
    </message>
    <message>
        <source>Seat %1: the test is terminated</source>
        <translation>Место %1: тестирование прекращено</translation>
    </message>
    <message>
        <source>already, by %1</source>
        <translation>уже сделано: %1</translation>
    </message>
    <message>
        <source>annulment and a ban of 6 to 12 months proposed to the proctor</source>
        <translation>проктору предложено аннулирование и запрет на 6–12 месяцев</translation>
    </message>
    <message>
        <source>Moved from %1 to %2</source>
        <translation>Пересажен(а) с %1 на %2</translation>
    </message>
    <message>
        <source>Incident recorded</source>
        <translation>Инцидент записан</translation>
    </message>
    <message>
        <source>The record is queued again</source>
        <translation>Запись снова в очереди</translation>
    </message>
</context>
<context>
    <name>ConsoleTexts</name>
    <message>
        <source>Environment</source>
        <translation>Обстановка</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Кандидат</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Персонал</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Техника</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Kiosk lockdown</source>
        <translation>Защита киоска</translation>
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
        <translation>Шум</translation>
    </message>
    <message>
        <source>Disturbance</source>
        <translation>Помехи</translation>
    </message>
    <message>
        <source>Power cut</source>
        <translation>Отключение электричества</translation>
    </message>
    <message>
        <source>Fire alarm</source>
        <translation>Пожарная тревога</translation>
    </message>
    <message>
        <source>Comfort (heat, light, toilet)</source>
        <translation>Условия (жара, свет, туалет)</translation>
    </message>
    <message>
        <source>Illness</source>
        <translation>Недомогание</translation>
    </message>
    <message>
        <source>Help requested</source>
        <translation>Просьба о помощи</translation>
    </message>
    <message>
        <source>Identity doubt</source>
        <translation>Сомнение в личности</translation>
    </message>
    <message>
        <source>Talking</source>
        <translation>Разговоры</translation>
    </message>
    <message>
        <source>Materials exchanged</source>
        <translation>Передача материалов</translation>
    </message>
    <message>
        <source>Device found</source>
        <translation>Обнаружено устройство</translation>
    </message>
    <message>
        <source>Left the seat</source>
        <translation>Покинул место</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Опоздание</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>Не явился</translation>
    </message>
    <message>
        <source>Staff error</source>
        <translation>Ошибка персонала</translation>
    </message>
    <message>
        <source>Kiosk frozen</source>
        <translation>Киоск завис</translation>
    </message>
    <message>
        <source>Kiosk silent</source>
        <translation>Киоск не отвечает</translation>
    </message>
    <message>
        <source>Kiosk dead</source>
        <translation>Киоск вышел из строя</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <source>Metal detector</source>
        <translation>Металлодетектор</translation>
    </message>
    <message>
        <source>Test window lost focus</source>
        <translation>Окно теста потеряло фокус</translation>
    </message>
    <message>
        <source>Second screen connected</source>
        <translation>Подключён второй экран</translation>
    </message>
    <message>
        <source>Prohibited program running</source>
        <translation>Запущена запрещённая программа</translation>
    </message>
    <message>
        <source>Kiosk restarted after a failure</source>
        <translation>Киоск перезапущен после сбоя</translation>
    </message>
    <message>
        <source>Virtual machine</source>
        <translation>Виртуальная машина</translation>
    </message>
    <message>
        <source>Remote session</source>
        <translation>Удалённый сеанс</translation>
    </message>
    <message>
        <source>Blocked shortcut pressed</source>
        <translation>Нажата запрещённая комбинация клавиш</translation>
    </message>
    <message>
        <source>Tried to close the test</source>
        <translation>Попытка закрыть тест</translation>
    </message>
    <message>
        <source>Candidate says: not me</source>
        <translation>Кандидат: «это не я»</translation>
    </message>
    <message>
        <source>Camera check failed</source>
        <translation>Проверка камеры не пройдена</translation>
    </message>
    <message>
        <source>Camera lost</source>
        <translation>Камера потеряна</translation>
    </message>
    <message>
        <source>Camera picture frozen</source>
        <translation>Изображение камеры застыло</translation>
    </message>
    <message>
        <source>Recording failed: a segment was lost</source>
        <translation>Сбой записи: фрагмент потерян</translation>
    </message>
    <message>
        <source>Recording works again</source>
        <translation>Запись снова идёт</translation>
    </message>
    <message>
        <source>No face in view</source>
        <translation>Лицо не в кадре</translation>
    </message>
    <message>
        <source>Two or more faces</source>
        <translation>Два лица и более</translation>
    </message>
    <message>
        <source>Paused by the operator</source>
        <translation>Пауза оператора</translation>
    </message>
    <message>
        <source>Room paused</source>
        <translation>Зал на паузе</translation>
    </message>
    <message>
        <source>Moved here, waiting for the code</source>
        <translation>Пересажен сюда, ждёт код</translation>
    </message>
    <message>
        <source>submitted by the candidate</source>
        <translation>сдано кандидатом</translation>
    </message>
    <message>
        <source>time ran out</source>
        <translation>время вышло</translation>
    </message>
    <message>
        <source>terminated by the operator</source>
        <translation>прекращено оператором</translation>
    </message>
    <message>
        <source>free</source>
        <translation>свободно</translation>
    </message>
    <message>
        <source>seated</source>
        <translation>рассажен(а)</translation>
    </message>
    <message>
        <source>in test</source>
        <translation>тестируется</translation>
    </message>
    <message>
        <source>between parts</source>
        <translation>между частями</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>заблокировано</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>завершил(а)</translation>
    </message>
    <message>
        <source>terminated</source>
        <translation>прекращено</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the code of this catalogue&apos;s language</comment>
        <translation>ru</translation>
    </message>
    <message>
        <source>May be admitted</source>
        <translation>Может быть допущен(а)</translation>
    </message>
    <message>
        <source>Invalid IIN: %1</source>
        <translation>Неверный ИИН: %1</translation>
    </message>
    <message>
        <source>The IIN on the document does not match the roster</source>
        <translation>ИИН в документе не совпадает со списком</translation>
    </message>
    <message>
        <source>Not on this session&apos;s roster for %1</source>
        <translation>Нет в списке этой сессии по программе: %1</translation>
    </message>
    <message>
        <source>Banned from testing until %1</source>
        <translation>Запрет на тестирование до %1</translation>
    </message>
    <message>
        <source>Late: admission closed at %1 (%2 min ago)</source>
        <translation>Опоздание: допуск закрыт в %1 (%2 мин назад)</translation>
    </message>
    <message>
        <source>Retake too soon: %1 allowed from %2</source>
        <translation>Пересдача слишком рано: %1 — с %2</translation>
    </message>
    <message>
        <source>%1: %2 attempts already this month</source>
        <translation>%1: уже %2 попытки в этом месяце</translation>
    </message>
    <message>
        <source>Already admitted (seat %1)</source>
        <translation>Уже допущен(а) (место %1)</translation>
    </message>
    <message>
        <source>Already refused</source>
        <translation>Уже отказано</translation>
    </message>
    <message>
        <source>The session is closed</source>
        <translation>Сессия закрыта</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>ЧИСТО</translation>
    </message>
    <message>
        <source>ALARM</source>
        <translation>ТРЕВОГА</translation>
    </message>
    <message>
        <source>FAULT</source>
        <translation>НЕИСПРАВНОСТЬ</translation>
    </message>
    <message>
        <source>TAMPER</source>
        <translation>ВСКРЫТИЕ</translation>
    </message>
    <message>
        <source>status</source>
        <translation>статус</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>подключён</translation>
    </message>
    <message>
        <source>online</source>
        <translation>на связи</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>подключение</translation>
    </message>
    <message>
        <source>offline, reconnecting</source>
        <translation>нет связи, переподключение</translation>
    </message>
    <message>
        <source>fault</source>
        <translation>неисправность</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>остановлен</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>не настроен</translation>
    </message>
    <message>
        <source>admitted</source>
        <translation>допущен(а)</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>отказано</translation>
    </message>
    <message>
        <source>seat locked</source>
        <translation>место заблокировано</translation>
    </message>
    <message>
        <source>seat paused</source>
        <translation>место на паузе</translation>
    </message>
    <message>
        <source>resume code issued</source>
        <translation>выдан код продолжения</translation>
    </message>
    <message>
        <source>seat resumed</source>
        <translation>место продолжает</translation>
    </message>
    <message>
        <source>wrong resume code</source>
        <translation>неверный код продолжения</translation>
    </message>
    <message>
        <source>code typed during room pause</source>
        <translation>код введён во время паузы зала</translation>
    </message>
    <message>
        <source>time changed</source>
        <translation>время изменено</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>пересажен(а)</translation>
    </message>
    <message>
        <source>session started</source>
        <translation>сессия начата</translation>
    </message>
    <message>
        <source>room paused</source>
        <translation>зал на паузе</translation>
    </message>
    <message>
        <source>room resumed</source>
        <translation>зал продолжает</translation>
    </message>
    <message>
        <source>test begun</source>
        <translation>тест начат</translation>
    </message>
    <message>
        <source>test finished</source>
        <translation>тест завершён</translation>
    </message>
    <message>
        <source>kiosk incident</source>
        <translation>инцидент киоска</translation>
    </message>
    <message>
        <source>incident logged</source>
        <translation>инцидент записан</translation>
    </message>
    <message>
        <source>alert acknowledged</source>
        <translation>сигнал принят</translation>
    </message>
    <message>
        <source>walk-through PASS</source>
        <translation>рамка: ЧИСТО</translation>
    </message>
    <message>
        <source>walk-through ALARM</source>
        <translation>рамка: ТРЕВОГА</translation>
    </message>
    <message>
        <source>detector FAULT</source>
        <translation>неисправность детектора</translation>
    </message>
    <message>
        <source>detector TAMPER</source>
        <translation>вскрытие детектора</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>Sessions</source>
        <translation>Сессии</translation>
    </message>
    <message>
        <source>Admission desk</source>
        <translation>Допуск</translation>
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
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Передача</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Администрирование</translation>
    </message>
    <message>
        <source>Testing hall console</source>
        <translation>Консоль зала тестирования</translation>
    </message>
    <message>
        <source>Testing hall</source>
        <translation>Зал тестирования</translation>
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
        <translation>администратор</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Session report…</source>
        <translation>Отчёт о сессии…</translation>
    </message>
    <message>
        <source>Signed out by the server: sign in again. The picture below is the last one seen.</source>
        <translation>Сервер завершил вход: войдите снова. Ниже последняя полученная картина.</translation>
    </message>
    <message>
        <source>No answer from the room server: the picture below is the last one seen (stale). Retrying…</source>
        <translation>Сервер зала не отвечает: ниже последняя полученная картина (устарела). Повторяем попытку…</translation>
    </message>
    <message>
        <source>Connecting to the room server…</source>
        <translation>Подключение к серверу зала…</translation>
    </message>
    <message>
        <source>Sync: not known (no answer from the room server)</source>
        <translation>Передача: неизвестно (сервер зала не отвечает)</translation>
    </message>
    <message>
        <source>Sync: on time</source>
        <translation>Передача: вовремя</translation>
    </message>
    <message>
        <source>Sync: slow</source>
        <translation>Передача: медленно</translation>
    </message>
    <message>
        <source>Sync: ALARM</source>
        <translation>Передача: ТРЕВОГА</translation>
    </message>
    <message>
        <source>%1 waiting, oldest %2 min</source>
        <translation>%1 ждут, дольше всех %2 мин</translation>
    </message>
    <message>
        <source>%1 parked</source>
        <translation>%1 остановлено</translation>
    </message>
    <message>
        <source>Choose a session first.</source>
        <translation>Сначала выберите сессию.</translation>
    </message>
    <message>
        <source>Save the session report</source>
        <translation>Сохранить отчёт о сессии</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report saved: %1 (and its results as CSV beside it)</source>
        <translation>Отчёт сохранён: %1 (и результаты в CSV рядом)</translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation>Выйти из системы?</translation>
    </message>
    <message>
        <source>%1 signs out of this console. The tests go on; this console shows nothing until someone signs in again.</source>
        <translation>%1 выходит из этой консоли. Тестирование продолжается; пока кто-нибудь не войдёт снова, консоль ничего не показывает.</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <source>IIN, name or registration number (Ctrl+F)</source>
        <translation>ИИН, ФИО или номер регистрации (Ctrl+F)</translation>
    </message>
    <message>
        <source>IIN on the document</source>
        <translation>ИИН в документе</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Admit (Ctrl+Enter)</source>
        <translation>Допустить (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Refuse… (Ctrl+D)</source>
        <translation>Отказать… (Ctrl+D)</translation>
    </message>
    <message>
        <source>Not the person in the photo</source>
        <translation>Не совпадает с фото</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Кандидат</translation>
    </message>
    <message>
        <source>Metal detector</source>
        <translation>Металлодетектор</translation>
    </message>
    <message>
        <source>Wand: pass</source>
        <translation>Ручной: чисто</translation>
    </message>
    <message>
        <source>Wand: alarm</source>
        <translation>Ручной: сигнал</translation>
    </message>
    <message>
        <source>admitted</source>
        <translation>допущен(а)</translation>
    </message>
    <message>
        <source>no seat yet</source>
        <translation>место не назначено</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>отказано</translation>
    </message>
    <message>
        <source>next free seat</source>
        <translation>следующее свободное место</translation>
    </message>
    <message>
        <source>Find a candidate, or scan the identity card</source>
        <translation>Найдите кандидата или считайте удостоверение</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>фото</translation>
    </message>
    <message>
        <source>IIN %1</source>
        <translation>ИИН %1</translation>
    </message>
    <message>
        <source>Registration %1</source>
        <translation>Регистрация %1</translation>
    </message>
    <message>
        <source>Programs: %1</source>
        <translation>Программы: %1</translation>
    </message>
    <message>
        <source>Languages: %1</source>
        <translation>Языки: %1</translation>
    </message>
    <message>
        <source>Checking the rules…</source>
        <translation>Проверка по правилам…</translation>
    </message>
    <message>
        <source>Already admitted by %1 at %2</source>
        <translation>Уже допущен(а) — допустил(а) %1 в %2</translation>
    </message>
    <message>
        <source>Walk the candidate through the detector, or record the wand&apos;s result</source>
        <translation>Проведите кандидата через рамку или запишите результат ручного металлодетектора</translation>
    </message>
    <message>
        <source>The walk-through alarmed: walk through again or use the wand</source>
        <translation>Рамка сработала: повторный проход или проверка ручным металлоискателем</translation>
    </message>
    <message>
        <source>The door alarmed after this walk-through: walk through again or use the wand</source>
        <translation>После этого прохода рамка сработала: нужен повторный проход или проверка ручным металлодетектором</translation>
    </message>
    <message>
        <source>The detector check is older than %1 min: walk through again</source>
        <translation>Проверка металлодетектором старше %1 мин: нужен повторный проход через рамку</translation>
    </message>
    <message>
        <source>This detector check was used for another candidate (%1): walk through again</source>
        <translation>Эта проверка металлодетектором уже использована для другого кандидата (%1): нужен повторный проход через рамку</translation>
    </message>
    <message>
        <source>This wand check was for another candidate (%1)</source>
        <translation>Эта проверка ручным металлодетектором была для другого кандидата (%1)</translation>
    </message>
    <message>
        <source>Pick a walk-through or a wand check</source>
        <translation>Выберите проход через рамку или проверку ручным металлодетектором</translation>
    </message>
    <message>
        <source>no photo in the roster</source>
        <translation>в списке нет фото</translation>
    </message>
    <message>
        <source>Detector: …</source>
        <translation>Металлодетектор: …</translation>
    </message>
    <message>
        <source>Detector: %1</source>
        <translation>Металлодетектор: %1</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>с %1</translation>
    </message>
    <message>
        <source>zones %1</source>
        <translation>зоны %1</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>уровень %1</translation>
    </message>
    <message>
        <source>(wand)</source>
        <translation>(ручной металлоискатель)</translation>
    </message>
    <message>
        <source>Refuse admission</source>
        <translation>Отказать в допуске</translation>
    </message>
    <message>
        <source>Refuse admission?</source>
        <translation>Отказать в допуске?</translation>
    </message>
    <message>
        <source>%1 is refused admission today: not the person in the roster photo. The refusal is recorded and goes to the central system.</source>
        <translation>%1 сегодня не допускается к тестированию: это не человек с фотографии в списке. Отказ записывается и передаётся в центральную систему.</translation>
    </message>
    <message>
        <source>not the person in the roster photo</source>
        <translation>не совпадает с фото в списке</translation>
    </message>
</context>
<context>
    <name>HallScreen</name>
    <message>
        <source>Problems first</source>
        <translation>Сначала проблемы</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Принято к сведению</translation>
    </message>
    <message>
        <source>The whole room</source>
        <translation>Весь зал</translation>
    </message>
    <message>
        <source>Pause the room</source>
        <translation>Пауза по залу</translation>
    </message>
    <message>
        <source>Resume the room</source>
        <translation>Снять паузу</translation>
    </message>
    <message>
        <source>Room incident…</source>
        <translation>Инцидент по залу…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Resume (code)</source>
        <translation>Продолжить (код)</translation>
    </message>
    <message>
        <source>Time…</source>
        <translation>Время…</translation>
    </message>
    <message>
        <source>Terminate…</source>
        <translation>Прекратить…</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Пересадить…</translation>
    </message>
    <message>
        <source>Incident…</source>
        <translation>Инцидент…</translation>
    </message>
    <message>
        <source>In test: %1</source>
        <translation>В тесте: %1</translation>
    </message>
    <message>
        <source>Silent: %1</source>
        <translation>Молчат: %1</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Завершено: %1</translation>
    </message>
    <message>
        <source>Asking for help: %1</source>
        <translation>Просят помощи: %1</translation>
    </message>
    <message>
        <source>%1: kiosk silent</source>
        <translation>%1: киоск не отвечает</translation>
    </message>
    <message>
        <source>Click a seat on the map.</source>
        <translation>Выберите место на схеме.</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Seat %1</source>
        <translation>Место %1</translation>
    </message>
    <message>
        <source>Answered %1 of %2</source>
        <translation>Отвечено %1 из %2</translation>
    </message>
    <message>
        <source>Time left %1</source>
        <translation>Осталось %1</translation>
    </message>
    <message>
        <source>Locked: %1</source>
        <translation>Заблокировано: %1</translation>
    </message>
    <message>
        <source>Pause seat %1</source>
        <translation>Пауза на месте %1</translation>
    </message>
    <message>
        <source>Terminate the test at seat %1</source>
        <translation>Прекратить тестирование на месте %1</translation>
    </message>
    <message>
        <source>Incident at seat %1</source>
        <translation>Инцидент на месте %1</translation>
    </message>
    <message>
        <source>The whole room is paused since %1: every running seat&apos;s clock stands.</source>
        <translation>Весь зал на паузе с %1: время каждого работающего места остановлено.</translation>
    </message>
    <message>
        <source>Seat %1 is free now: nothing was done.</source>
        <translation>Место %1 сейчас свободно: ничего не сделано.</translation>
    </message>
    <message>
        <source>Seat %1 has changed: %2 sits there now. Nothing was done.</source>
        <translation>Место %1 изменилось: сейчас там %2. Ничего не сделано.</translation>
    </message>
    <message>
        <source>Seat %1 has changed</source>
        <translation>Место %1 изменилось</translation>
    </message>
    <message>
        <source>%2 sits at seat %1 now, not the candidate you chose. Do it for %2?</source>
        <translation>Сейчас на месте %1 — %2, а не выбранный вами кандидат. Выполнить для кандидата %2?</translation>
    </message>
    <message>
        <source>Nothing was done at seat %1.</source>
        <translation>На месте %1 ничего не сделано.</translation>
    </message>
    <message>
        <source>Pause the whole room</source>
        <translation>Пауза по всему залу</translation>
    </message>
    <message>
        <source>Resume the whole room?</source>
        <translation>Снять паузу во всём зале?</translation>
    </message>
    <message>
        <source>Every seat the room pause stopped (%1) goes on at once, with its time.</source>
        <translation>Все места, остановленные паузой зала (%1), сразу продолжат тест с оставшимся у них временем.</translation>
    </message>
    <message>
        <source>Incident for the whole room</source>
        <translation>Инцидент по всему залу</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <source>Everything</source>
        <translation>Все события</translation>
    </message>
    <message>
        <source>What the staff did</source>
        <translation>Действия сотрудников</translation>
    </message>
    <message>
        <source>Admissions and refusals</source>
        <translation>Допуски и отказы</translation>
    </message>
    <message>
        <source>Detector checks</source>
        <translation>Проверки металлодетектором</translation>
    </message>
    <message>
        <source>Seat actions</source>
        <translation>Действия с местами</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Инциденты</translation>
    </message>
    <message>
        <source>The session</source>
        <translation>Сессия</translation>
    </message>
    <message>
        <source>Tests begun and finished</source>
        <translation>Начатые и завершённые тесты</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Кандидат</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <source>zones %1</source>
        <translation>зоны %1</translation>
    </message>
    <message>
        <source>Kiosk at seat %1</source>
        <translation>Киоск на месте %1</translation>
    </message>
    <message>
        <source>Metal detector (walk-through)</source>
        <translation>Металлодетектор (рамка)</translation>
    </message>
    <message>
        <source>Hand-held metal detector</source>
        <translation>Ручной металлодетектор</translation>
    </message>
    <message>
        <source>Admission desk</source>
        <translation>Пункт допуска</translation>
    </message>
    <message>
        <source>Room server</source>
        <translation>Сервер зала</translation>
    </message>
    <message>
        <source>Banned from testing</source>
        <translation>Запрет на прохождение тестирования</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Опоздание</translation>
    </message>
    <message>
        <source>Retake too soon</source>
        <translation>Повторное тестирование слишком рано</translation>
    </message>
    <message>
        <source>No attempts left this month</source>
        <translation>В этом месяце попыток не осталось</translation>
    </message>
    <message>
        <source>Invalid IIN</source>
        <translation>Неверный ИИН</translation>
    </message>
    <message>
        <source>The IIN does not match the roster</source>
        <translation>ИИН не совпадает со списком кандидатов</translation>
    </message>
    <message>
        <source>Not on the roster</source>
        <translation>Нет в списке кандидатов</translation>
    </message>
    <message>
        <source>Admission closed</source>
        <translation>Допуск закрыт</translation>
    </message>
</context>
<context>
    <name>ItemsTab</name>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт CSV…</translation>
    </message>
    <message>
        <source>Only items needing attention</source>
        <translation>Только задания, требующие внимания</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Задание</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Раздел</translation>
    </message>
    <message>
        <source>Sittings</source>
        <translation>Сдач</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>Трудность</translation>
    </message>
    <message>
        <source>Discrimination</source>
        <translation>Дискриминативность</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Требует внимания</translation>
    </message>
    <message>
        <source>difficulty: share correct (shaded: too hard, too easy)</source>
        <translation>трудность: доля верных (затенено: слишком трудно, слишком легко)</translation>
    </message>
    <message>
        <source>discrimination (shaded: below zero)</source>
        <translation>дискриминативность (затенено: ниже нуля)</translation>
    </message>
    <message>
        <source>too easy</source>
        <translation>слишком лёгкое</translation>
    </message>
    <message>
        <source>too hard</source>
        <translation>слишком трудное</translation>
    </message>
    <message>
        <source>strong candidates miss it</source>
        <translation>сильные кандидаты ошибаются</translation>
    </message>
    <message>
        <source>does not tell strong from weak</source>
        <translation>не отличает сильных от слабых</translation>
    </message>
    <message>
        <source>%1 results, %2 items need attention</source>
        <translation>результатов: %1, требуют внимания: %2</translation>
    </message>
    <message>
        <source>Save item statistics</source>
        <translation>Сохранить статистику заданий</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Item statistics saved: %1</source>
        <translation>Статистика заданий сохранена: %1</translation>
    </message>
</context>
<context>
    <name>KiosksTab</name>
    <message>
        <source>Seat</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Компьютер</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Зарегистрирован</translation>
    </message>
    <message>
        <source>Credential age</source>
        <translation>Возраст ключа</translation>
    </message>
    <message>
        <source>Last heard</source>
        <translation>Последняя связь</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Seat, e.g. A07</source>
        <translation>Место, например A07</translation>
    </message>
    <message>
        <source>Issue an enrollment code</source>
        <translation>Выдать код регистрации</translation>
    </message>
    <message>
        <source>Revoke the kiosk</source>
        <translation>Отозвать киоск</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>отозван</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>заблокирован</translation>
    </message>
    <message>
        <source>enrolled</source>
        <translation>зарегистрирован</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 дн.</translation>
    </message>
    <message>
        <source>Type the seat the kiosk stands at.</source>
        <translation>Укажите место, где стоит киоск.</translation>
    </message>
    <message>
        <source>Revoke the kiosk at %1?</source>
        <translation>Отозвать киоск на месте %1?</translation>
    </message>
    <message>
        <source>The kiosk at %1 can no longer reach the hall until it is enrolled again. A candidate testing there stops at once.</source>
        <translation>Киоск на месте %1 не сможет обращаться к залу, пока его не зарегистрируют снова. Тестирование кандидата на этом месте сразу остановится.</translation>
    </message>
    <message>
        <source>The kiosk at %1 is revoked</source>
        <translation>Киоск на месте %1 отозван</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move seat %1 to a spare seat</source>
        <translation>Пересадить с места %1 на резервное</translation>
    </message>
    <message>
        <source>New seat</source>
        <translation>Новое место</translation>
    </message>
    <message>
        <source>No free seat with a kiosk: enroll a spare kiosk first.</source>
        <translation>Нет свободного места с киоском: сначала подключите резервный киоск.</translation>
    </message>
    <message>
        <source>Write a note that says what happened.</source>
        <translation>Напишите, что произошло.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Choose a reason.</source>
        <translation>Выберите причину.</translation>
    </message>
    <message>
        <source>Write a note that says what happened.</source>
        <translation>Напишите, что произошло.</translation>
    </message>
</context>
<context>
    <name>ReasonPicker</name>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Choose a reason</source>
        <translation>Выберите причину</translation>
    </message>
</context>
<context>
    <name>RefusalDialog</name>
    <message>
        <source>(choose the reason)</source>
        <translation>(выберите причину)</translation>
    </message>
    <message>
        <source>By the rule: %1</source>
        <translation>По правилу: %1</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Choose a reason: none is chosen yet.</source>
        <translation>Выберите причину: она ещё не выбрана.</translation>
    </message>
    <message>
        <source>Write a note that says what happened.</source>
        <translation>Напишите, что произошло.</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>The request was not understood ({field}: {problem})</source>
        <translation>Запрос не распознан ({field}: {problem})</translation>
    </message>
    <message>
        <source>The file is larger than the hall takes ({limit} bytes)</source>
        <translation>Файл больше, чем принимает зал (предел в байтах: {limit})</translation>
    </message>
    <message>
        <source>Not found: {what} {id}</source>
        <translation>Не найдено: {what} {id}</translation>
    </message>
    <message>
        <source>The hall&apos;s database did not answer; nothing was stored. Try again.</source>
        <translation>База данных зала не ответила; ничего не сохранено. Повторите попытку.</translation>
    </message>
    <message>
        <source>The room server&apos;s disk is full; nothing was stored. Free space on the room server.</source>
        <translation>Диск сервера зала заполнен; ничего не сохранено. Освободите место на сервере зала.</translation>
    </message>
    <message>
        <source>Too many consoles are following the {what}; try again in a moment</source>
        <translation>Слишком много консолей отслеживают: {what}; повторите чуть позже</translation>
    </message>
    <message>
        <source>Sign in first</source>
        <translation>Сначала войдите в систему</translation>
    </message>
    <message>
        <source>Your sign-in has ended; sign in again</source>
        <translation>Ваш вход завершён; войдите снова</translation>
    </message>
    <message>
        <source>This needs the role: {roles}</source>
        <translation>Требуется роль: {roles}</translation>
    </message>
    <message>
        <source>This kiosk is not enrolled in this hall</source>
        <translation>Этот киоск не зарегистрирован в этом зале</translation>
    </message>
    <message>
        <source>Wrong user name or password</source>
        <translation>Неверное имя пользователя или пароль</translation>
    </message>
    <message>
        <source>Too many wrong tries; try again after {until}</source>
        <translation>Слишком много неверных попыток; повторите после {until}</translation>
    </message>
    <message>
        <source>Session {session} is closed</source>
        <translation>Сессия {session} закрыта</translation>
    </message>
    <message>
        <source>Already admitted by {by} at {decided_at}; to stop the test, terminate it at the seat</source>
        <translation>Уже допущен(а) — допустил(а) {by} в {decided_at}; чтобы остановить тест, прекратите тестирование на месте</translation>
    </message>
    <message>
        <source>Admission needs a metal detector check: a walk-through, or a wand check of this candidate</source>
        <translation>Для допуска нужна проверка металлодетектором: проход через рамку или проверка этого кандидата ручным металлодетектором</translation>
    </message>
    <message>
        <source>Metal detector check {event} was not found</source>
        <translation>Проверка металлодетектором {event} не найдена</translation>
    </message>
    <message>
        <source>Metal detector event {event} is {kind}, not a walk-through or a wand check</source>
        <translation>Событие металлодетектора {event} — {kind}, а не проход через рамку и не проверка ручным металлодетектором</translation>
    </message>
    <message>
        <source>Metal detector check {event} alarmed: walk through again or record the wand&apos;s result</source>
        <translation>Проверка металлодетектором {event} дала сигнал: нужен повторный проход через рамку или результат ручного металлодетектора</translation>
    </message>
    <message>
        <source>The walk-through alarmed at {alarm_at}, after check {event}: walk through again or record the wand&apos;s result for this candidate</source>
        <translation>Рамка сработала в {alarm_at}, после проверки {event}: нужен повторный проход или результат ручного металлодетектора для этого кандидата</translation>
    </message>
    <message>
        <source>Metal detector check {event} is older than {minutes} min: walk through again</source>
        <translation>Проверка металлодетектором {event} старше {minutes} мин: нужен повторный проход через рамку</translation>
    </message>
    <message>
        <source>Metal detector check {event} was already used for candidate {registration}</source>
        <translation>Проверка металлодетектором {event} уже использована для кандидата {registration}</translation>
    </message>
    <message>
        <source>Wand check {event} was recorded for another candidate ({registration})</source>
        <translation>Проверка ручным металлодетектором {event} записана для другого кандидата ({registration})</translation>
    </message>
    <message>
        <source>A wand check is for one candidate: choose the candidate</source>
        <translation>Проверка ручным металлодетектором относится к одному кандидату: выберите кандидата</translation>
    </message>
    <message>
        <source>The central system has no roster for {day}</source>
        <translation>В центральной системе нет списка кандидатов на {day}</translation>
    </message>
    <message>
        <source>The rule “{rule}” does not refuse this candidate now: refuse for a reason of the list</source>
        <translation>Правило «{rule}» сейчас не требует отказа этому кандидату: откажите по причине из списка</translation>
    </message>
    <message>
        <source>Seat {seat} has changed since you looked; sitting there now: {full_name}</source>
        <translation>Место {seat} изменилось, пока вы смотрели; сейчас там: {full_name}</translation>
    </message>
    <message>
        <source>Seat {seat} has no candidate</source>
        <translation>На месте {seat} нет кандидата</translation>
    </message>
    <message>
        <source>Seat {seat} has no enrolled kiosk</source>
        <translation>На месте {seat} нет зарегистрированного киоска</translation>
    </message>
    <message>
        <source>Seat {seat} is already locked (since {since_at}); resume it with a code</source>
        <translation>Место {seat} уже заблокировано (с {since_at}); возобновите его кодом</translation>
    </message>
    <message>
        <source>Seat {seat} is not locked</source>
        <translation>Место {seat} не заблокировано</translation>
    </message>
    <message>
        <source>Seat {seat} was stopped with the room: resume the room</source>
        <translation>Место {seat} остановлено вместе с залом: снимите паузу по залу</translation>
    </message>
    <message>
        <source>Seat {seat} has no running test whose time could change</source>
        <translation>На месте {seat} нет идущего теста, время которого можно изменить</translation>
    </message>
    <message>
        <source>Seat {seat} has no unfinished test to terminate</source>
        <translation>На месте {seat} нет незавершённого теста: прекращать нечего</translation>
    </message>
    <message>
        <source>The new seat is the same seat</source>
        <translation>Новое место совпадает с прежним</translation>
    </message>
    <message>
        <source>Removing {minutes} min would leave {left} min; at least 1 min must remain</source>
        <translation>Если убавить {minutes} мин, останется {left} мин; должна остаться хотя бы 1 мин</translation>
    </message>
    <message>
        <source>Session {session} is not running (now: {status})</source>
        <translation>Сессия {session} не идёт (сейчас: {status})</translation>
    </message>
    <message>
        <source>The room is already paused (since {since_at})</source>
        <translation>Зал уже на паузе (с {since_at})</translation>
    </message>
    <message>
        <source>The room is not paused</source>
        <translation>Зал не на паузе</translation>
    </message>
    <message>
        <source>A candidate refused admission cannot be seated</source>
        <translation>Кандидата, которому отказано в допуске, нельзя посадить на место</translation>
    </message>
    <message>
        <source>A picture belongs to an incident of a test</source>
        <translation>Снимок прикрепляется к инциденту теста</translation>
    </message>
    <message>
        <source>The picture is not a JPEG image</source>
        <translation>Снимок не в формате JPEG</translation>
    </message>
    <message>
        <source>Test {attempt} does not belong to seat {seat}</source>
        <translation>Тест {attempt} не относится к месту {seat}</translation>
    </message>
    <message>
        <source>Test {attempt} has not started</source>
        <translation>Тест {attempt} не начат</translation>
    </message>
    <message>
        <source>Test {attempt} is not running (now: {status})</source>
        <translation>Тест {attempt} не идёт (сейчас: {status})</translation>
    </message>
    <message>
        <source>Test {attempt} is finished</source>
        <translation>Тест {attempt} завершён</translation>
    </message>
    <message>
        <source>Question bank {bank} {version} is not loaded</source>
        <translation>Банк вопросов {bank} {version} не загружен</translation>
    </message>
    <message>
        <source>No question bank is loaded for: {program}. Call the administrator.</source>
        <translation>Не загружен банк вопросов для: {program}. Вызовите администратора.</translation>
    </message>
    <message>
        <source>Not questions of this test: {items}</source>
        <translation>Вопросы не из этого теста: {items}</translation>
    </message>
    <message>
        <source>Language {language} is not offered to this candidate; offered: {languages}</source>
        <translation>Язык «{language}» недоступен этому кандидату; доступны: {languages}</translation>
    </message>
    <message>
        <source>The seat is locked: the operator&apos;s resume code opens it</source>
        <translation>Место заблокировано: его открывает код возобновления от оператора</translation>
    </message>
    <message>
        <source>The session has not started; wait for the operator</source>
        <translation>Сессия тестирования ещё не начата; дождитесь оператора</translation>
    </message>
    <message>
        <source>The room is paused; wait for the operator to resume it</source>
        <translation>Зал на паузе; дождитесь, пока оператор возобновит тестирование</translation>
    </message>
    <message>
        <source>An earlier part of this sitting is not finished yet</source>
        <translation>Предыдущая часть этого тестирования ещё не завершена</translation>
    </message>
    <message>
        <source>Changes {first}..{last} have not reached the server yet</source>
        <translation>Изменения {first}..{last} ещё не дошли до сервера</translation>
    </message>
    <message>
        <source>Change {seq} was already stored with other content</source>
        <translation>Изменение {seq} уже сохранено с другим содержимым</translation>
    </message>
    <message>
        <source>The time of the test has not run out yet</source>
        <translation>Время теста ещё не истекло</translation>
    </message>
    <message>
        <source>Wrong resume code</source>
        <translation>Неверный код возобновления</translation>
    </message>
    <message>
        <source>Wrong resume code; the code is now void: ask for a new one</source>
        <translation>Неверный код возобновления; код больше не действует: запросите новый</translation>
    </message>
    <message>
        <source>This seat has no valid resume code; issue a new one</source>
        <translation>У этого места нет действующего кода возобновления; выдайте новый</translation>
    </message>
    <message>
        <source>The enrollment code is unknown, used or expired; issue a new one</source>
        <translation>Код регистрации неизвестен, уже использован или истёк; выдайте новый</translation>
    </message>
    <message>
        <source>A part of a recording is at most {limit} bytes</source>
        <translation>Часть видеозаписи не может быть больше предела (в байтах: {limit})</translation>
    </message>
    <message>
        <source>Recording segments are numbered from 1 and offsets from 0</source>
        <translation>Фрагменты видеозаписи нумеруются с 1, а смещения — с 0</translation>
    </message>
    <message>
        <source>Recording segment {seq} is new: start at offset 0 with its description</source>
        <translation>Фрагмент видеозаписи {seq} новый: начните со смещения 0 и с его описания</translation>
    </message>
    <message>
        <source>Recording segment {seq} is {size} bytes; at most {limit}</source>
        <translation>Фрагмент видеозаписи {seq}: размер в байтах {size}, предел {limit}</translation>
    </message>
    <message>
        <source>Recording segment {seq}: more bytes than the {size} declared</source>
        <translation>Фрагмент видеозаписи {seq}: байтов больше заявленного ({size})</translation>
    </message>
    <message>
        <source>Recording segment {seq}: the server has {received} bytes; go on from there</source>
        <translation>Фрагмент видеозаписи {seq}: на сервере уже есть байтов: {received}; продолжите с этого места</translation>
    </message>
    <message>
        <source>Recording segment {seq} changed meanwhile; ask for its state and go on</source>
        <translation>Фрагмент видеозаписи {seq} за это время изменился; запросите его состояние и продолжите</translation>
    </message>
    <message>
        <source>Recording segment {seq}: SHA-256 {got}… is not the declared {declared}…; upload it again</source>
        <translation>Фрагмент видеозаписи {seq}: SHA-256 {got}… не совпадает с заявленным {declared}…; загрузите его заново</translation>
    </message>
    <message>
        <source>Recording segment {seq} was deleted at {purged_at}: its keeping time was over</source>
        <translation>Фрагмент видеозаписи {seq} удалён в {purged_at}: истёк срок хранения</translation>
    </message>
    <message>
        <source>Recording segment {seq} on disk does not match its hash: it was altered</source>
        <translation>Фрагмент видеозаписи {seq} на диске не совпадает со своим хешем: он был изменён</translation>
    </message>
    <message>
        <source>Recording segment {seq} cannot be read: {problem}</source>
        <translation>Фрагмент видеозаписи {seq} не читается: {problem}</translation>
    </message>
    <message>
        <source>Only a finished test can be verified</source>
        <translation>Проверить можно только завершённый тест</translation>
    </message>
    <message>
        <source>Test {attempt} already has a verdict; it cannot be changed here</source>
        <translation>По тесту {attempt} решение уже вынесено; здесь его не изменить</translation>
    </message>
    <message>
        <source>Incident {incident} is not a flag of this test</source>
        <translation>Инцидент {incident} — не отметка этого теста</translation>
    </message>
    <message>
        <source>A watched test is not in this batch</source>
        <translation>Просмотренный тест не входит в эту группу</translation>
    </message>
    <message>
        <source>Test {attempt} has flags: review it on its own</source>
        <translation>У теста {attempt} есть отметки: проверьте его отдельно</translation>
    </message>
    <message>
        <source>Test {attempt} has unresolved flags ({count}): give each a finding, or confirm that the violation stands regardless</source>
        <translation>У теста {attempt} есть отметки без вывода ({count}): дайте вывод по каждой или подтвердите, что нарушение остаётся в силе независимо от них</translation>
    </message>
    <message>
        <source>“{code}” does not break the testing rules: choose a reason that does, or “Other” with a note</source>
        <translation>«{code}» не нарушает правила тестирования: выберите причину, которая является нарушением, или «Другое» с примечанием</translation>
    </message>
    <message>
        <source>Record {record} is not parked (now: {status})</source>
        <translation>Запись {record} не отложена (сейчас: {status})</translation>
    </message>
    <message>
        <source>User {username} already exists</source>
        <translation>Пользователь {username} уже существует</translation>
    </message>
    <message>
        <source>A password needs at least {minimum} characters</source>
        <translation>Пароль должен содержать не менее {minimum} символов</translation>
    </message>
    <message>
        <source>{username} is the last administrator: make another administrator first</source>
        <translation>{username} — последний администратор: сначала назначьте другого администратора</translation>
    </message>
    <message>
        <source>You cannot disable yourself</source>
        <translation>Нельзя отключить самого себя</translation>
    </message>
    <message>
        <source>Nothing to change</source>
        <translation>Изменять нечего</translation>
    </message>
    <message>
        <source>Kiosk {kiosk} is already revoked</source>
        <translation>Киоск {kiosk} уже отозван</translation>
    </message>
    <message>
        <source>Question bank file {name} refused: {problem}</source>
        <translation>Файл банка вопросов {name} отклонён: {problem}</translation>
    </message>
    <message>
        <source>Question bank {bank} {version} is already loaded</source>
        <translation>Банк вопросов {bank} {version} уже загружен</translation>
    </message>
    <message>
        <source>No font with Kazakh letters on the room server (install fonts-dejavu-core or fonts-noto-core)</source>
        <translation>На сервере зала нет шрифта с казахскими буквами (установите fonts-dejavu-core или fonts-noto-core)</translation>
    </message>
    <message>
        <source>Roster refused: the authority&apos;s signature does not verify</source>
        <translation>Список кандидатов отклонён: подпись уполномоченного органа не прошла проверку</translation>
    </message>
    <message>
        <source>Roster refused: {field}: {problem}</source>
        <translation>Список кандидатов отклонён: {field}: {problem}</translation>
    </message>
    <message>
        <source>Roster refused: it is for hall {roster_hall}, this is {hall}</source>
        <translation>Список кандидатов отклонён: он для зала {roster_hall}, а это зал {hall}</translation>
    </message>
    <message>
        <source>Session {session} has already started; its roster is fixed</source>
        <translation>Сессия {session} уже начата; её список кандидатов изменить нельзя</translation>
    </message>
    <message>
        <source>The central system did not answer as it should: {problem}</source>
        <translation>Центральная система ответила не так, как должна: {problem}</translation>
    </message>
    <message>
        <source>admission</source>
        <translation>допуск</translation>
    </message>
    <message>
        <source>test</source>
        <translation>тест</translation>
    </message>
    <message>
        <source>question bank</source>
        <translation>банк вопросов</translation>
    </message>
    <message>
        <source>incident</source>
        <translation>инцидент</translation>
    </message>
    <message>
        <source>kiosk</source>
        <translation>киоск</translation>
    </message>
    <message>
        <source>enrolled kiosk at seat</source>
        <translation>зарегистрированный киоск на месте</translation>
    </message>
    <message>
        <source>record to send</source>
        <translation>запись для отправки</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>кандидат</translation>
    </message>
    <message>
        <source>seat</source>
        <translation>место</translation>
    </message>
    <message>
        <source>recording segment</source>
        <translation>фрагмент видеозаписи</translation>
    </message>
    <message>
        <source>session</source>
        <translation>сессия</translation>
    </message>
    <message>
        <source>picture of incident</source>
        <translation>снимок инцидента</translation>
    </message>
    <message>
        <source>user</source>
        <translation>пользователь</translation>
    </message>
    <message>
        <source>hall</source>
        <translation>зал</translation>
    </message>
    <message>
        <source>metal detector</source>
        <translation>металлодетектор</translation>
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
        <translation>администратор</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>ещё не начата</translation>
    </message>
    <message>
        <source>running</source>
        <translation>идёт</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>закрыта</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>ждёт отправки</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>завершён</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>доставлена</translation>
    </message>
    <message>
        <source>parked</source>
        <translation>отложена</translation>
    </message>
    <message>
        <source>invalid IIN</source>
        <translation>неверный ИИН</translation>
    </message>
    <message>
        <source>IIN does not match the roster</source>
        <translation>ИИН не совпадает со списком кандидатов</translation>
    </message>
    <message>
        <source>not on the roster</source>
        <translation>нет в списке кандидатов</translation>
    </message>
    <message>
        <source>banned from testing</source>
        <translation>запрет на прохождение тестирования</translation>
    </message>
    <message>
        <source>late</source>
        <translation>опоздание</translation>
    </message>
    <message>
        <source>retake too soon</source>
        <translation>повторное тестирование слишком рано</translation>
    </message>
    <message>
        <source>attempts this month</source>
        <translation>попытки в этом месяце</translation>
    </message>
    <message>
        <source>already admitted</source>
        <translation>уже допущен(а)</translation>
    </message>
    <message>
        <source>already refused</source>
        <translation>уже отказано</translation>
    </message>
    <message>
        <source>session closed</source>
        <translation>сессия закрыта</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>казахский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>русский</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message numerus="yes">
        <source>Clear the %n unflagged attempt(s) after the sample</source>
        <translation>
            <numerusform>Подтвердить %n попытку без отметок после выборки</numerusform>
            <numerusform>Подтвердить %n попытки без отметок после выборки</numerusform>
            <numerusform>Подтвердить %n попыток без отметок после выборки</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear them all?</source>
        <translation>Подтвердить все?</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) with no flag get the verdict “no violation” and their results go to the central system as confirmed; you watched %1 of them. This cannot be undone here.</source>
        <translation>
            <numerusform>%n попытка без отметок получит решение «нарушений нет», результат уйдёт в центральную систему подтверждённым; вы просмотрели %1 из них. Здесь это не отменить.</numerusform>
            <numerusform>%n попытки без отметок получат решение «нарушений нет», результаты уйдут в центральную систему подтверждёнными; вы просмотрели %1 из них. Здесь это не отменить.</numerusform>
            <numerusform>%n попыток без отметок получат решение «нарушений нет», результаты уйдут в центральную систему подтверждёнными; вы просмотрели %1 из них. Здесь это не отменить.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) cleared (%1 watched)</source>
        <translation>
            <numerusform>Подтверждена %n попытка (просмотрено %1)</numerusform>
            <numerusform>Подтверждены %n попытки (просмотрено %1)</numerusform>
            <numerusform>Подтверждено %n попыток (просмотрено %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Waiting for a verdict (oldest first)</source>
        <translation>Ждут решения (старые первыми)</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Кандидат</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Тест</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Окончен</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Отметки</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <source>Next flag</source>
        <translation>Следующая отметка</translation>
    </message>
    <message>
        <source>Flags: confirm or dismiss each</source>
        <translation>Отметки: подтвердите или отклоните каждую</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Вывод</translation>
    </message>
    <message>
        <source>Note on the finding</source>
        <translation>Примечание к выводу</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Подтвердить</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Clear: no violation</source>
        <translation>Нарушений нет</translation>
    </message>
    <message>
        <source>Violation: annul and ban</source>
        <translation>Нарушение: аннулировать и запретить</translation>
    </message>
    <message>
        <source>Ban (months, 6 to 12)</source>
        <translation>Запрет (месяцев, от 6 до 12)</translation>
    </message>
    <message>
        <source>The operator terminated this test for: %1. Annulment and a ban of 6 to 12 months are proposed; the verdict is yours.</source>
        <translation>Оператор прекратил этот тест по причине: %1. Предлагается аннулировать результат и запретить тестирование на 6–12 месяцев; решение за вами.</translation>
    </message>
    <message>
        <source>no flag</source>
        <translation>без отметок</translation>
    </message>
    <message>
        <source>Attempts with no flag: %1. You watched %2 of them here.</source>
        <translation>Попыток без отметок: %1. Здесь вы просмотрели %2 из них.</translation>
    </message>
    <message>
        <source>Choose an attempt to review</source>
        <translation>Выберите попытку для проверки</translation>
    </message>
    <message>
        <source>No recording: the camera was lost</source>
        <translation>Записи нет: камера была потеряна</translation>
    </message>
    <message>
        <source>No recording here</source>
        <translation>Здесь записи нет</translation>
    </message>
    <message>
        <source>The recording cannot be played: %1</source>
        <translation>Запись не воспроизводится: %1</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>подтверждено</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>отклонено</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>не проверено</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>Лицо</translation>
    </message>
    <message>
        <source>Kiosk lockdown</source>
        <translation>Блокировка киоска</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Инцидент</translation>
    </message>
    <message>
        <source>Choose the violation&apos;s reason (and a note for &apos;other&apos;).</source>
        <translation>Выберите причину нарушения (и примечание для «другое»).</translation>
    </message>
    <message>
        <source>Cleared: the result stands</source>
        <translation>Подтверждено: результат в силе</translation>
    </message>
    <message>
        <source>Violation recorded: the result is annulled and the ban sent</source>
        <translation>Нарушение записано: результат аннулирован, запрет отправлен</translation>
    </message>
</context>
<context>
    <name>SeatMap</name>
    <message>
        <source>No seats yet: enroll kiosks first</source>
        <translation>Мест пока нет: сначала подключите киоски</translation>
    </message>
    <message>
        <source>silent %1 s</source>
        <translation>молчит %1 с</translation>
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
        <translation>Начало</translation>
    </message>
    <message>
        <source>Programs</source>
        <translation>Программы</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Ожидается</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Допущено</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отказано</translation>
    </message>
    <message>
        <source>Seated</source>
        <translation>Рассажено</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Завершили</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Start the session</source>
        <translation>Начать сессию</translation>
    </message>
    <message>
        <source>room paused</source>
        <translation>зал на паузе</translation>
    </message>
    <message>
        <source>scheduled: admission open</source>
        <translation>запланирована: допуск открыт</translation>
    </message>
    <message>
        <source>running: admission closed</source>
        <translation>идёт: допуск закрыт</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>закрыта</translation>
    </message>
    <message>
        <source>No session today: fetch the roster (administrator).</source>
        <translation>Сегодня нет сессий: загрузите список (администратор).</translation>
    </message>
    <message>
        <source>Starting closes admission: late arrivals are refused.</source>
        <translation>Начало сессии закрывает допуск: опоздавшим будет отказано.</translation>
    </message>
    <message>
        <source>Admission closes: no one else can be admitted to this session.</source>
        <translation>Допуск закроется: больше никого нельзя будет допустить к этой сессии.</translation>
    </message>
    <message>
        <source>%1 of %2 candidates have not arrived.</source>
        <translation>Не пришли %1 из %2 кандидатов.</translation>
    </message>
    <message>
        <source>It is before the scheduled start (%1).</source>
        <translation>Запланированное время начала (%1) ещё не наступило.</translation>
    </message>
    <message>
        <source>Start the session now?</source>
        <translation>Начать сессию сейчас?</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Fill in the user name and the password.</source>
        <translation>Введите имя пользователя и пароль.</translation>
    </message>
    <message>
        <source>The room server does not answer: %1</source>
        <translation>Сервер зала не отвечает: %1</translation>
    </message>
    <message>
        <source>The sign-in was not sent: %1</source>
        <translation>Запрос на вход не отправлен: %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the testing hall</source>
        <translation>Вход в систему зала тестирования</translation>
    </message>
    <message>
        <source>Room server</source>
        <translation>Сервер зала</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Delivery to the central system</source>
        <translation>Передача в центральную систему</translation>
    </message>
    <message>
        <source>Parked records: these need a person</source>
        <translation>Остановленные записи: нужен человек</translation>
    </message>
    <message>
        <source>Today: test end to acknowledgement</source>
        <translation>Сегодня: от конца теста до подтверждения</translation>
    </message>
    <message>
        <source>Results waiting</source>
        <translation>Ждут результаты</translation>
    </message>
    <message>
        <source>Parked</source>
        <translation>Остановлено</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Доставлено</translation>
    </message>
    <message>
        <source>Last delivery</source>
        <translation>Последняя доставка</translation>
    </message>
    <message>
        <source>Upstream&apos;s last error</source>
        <translation>Последняя ошибка центральной системы</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Попыток</translation>
    </message>
    <message>
        <source>What the central system said</source>
        <translation>Что ответила центральная система</translation>
    </message>
    <message>
        <source>Retry (the cause is fixed)</source>
        <translation>Повторить (причина устранена)</translation>
    </message>
    <message>
        <source>Export for a courier…</source>
        <translation>Экспорт для курьера…</translation>
    </message>
    <message>
        <source>No result has ended today.</source>
        <translation>Сегодня ни один тест не закончен.</translation>
    </message>
    <message>
        <source>when the test ended</source>
        <translation>когда закончился тест</translation>
    </message>
    <message>
        <source>minutes to acknowledgement (red line: 20)</source>
        <translation>минут до подтверждения (красная линия: 20)</translation>
    </message>
    <message>
        <source>Oldest waiting result: none</source>
        <translation>Дольше всех ждёт: никто</translation>
    </message>
    <message>
        <source>Oldest waiting result: %1 min of 20</source>
        <translation>Дольше всех ждёт: %1 мин из 20</translation>
    </message>
    <message>
        <source>Results are reaching the central system</source>
        <translation>Результаты доходят до центральной системы</translation>
    </message>
    <message>
        <source>Results are slow to reach the central system</source>
        <translation>Результаты доходят медленно</translation>
    </message>
    <message>
        <source>Results are not reaching the central system: act now</source>
        <translation>Результаты не доходят до центральной системы: действуйте</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Читаю…</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ещё нет</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>no answer from the central system (network or its server is down)</source>
        <translation>центральная система не отвечает (сеть или её сервер не работают)</translation>
    </message>
    <message>
        <source>the central system answered %1: busy or failing; retrying</source>
        <translation>центральная система ответила %1: занята или сбоит; повторяем</translation>
    </message>
    <message>
        <source>the central system answered %1</source>
        <translation>центральная система ответила %1</translation>
    </message>
    <message>
        <source>result</source>
        <translation>результат</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>решение</translation>
    </message>
    <message>
        <source>audit head</source>
        <translation>вершина аудита</translation>
    </message>
    <message>
        <source>the record was refused as invalid</source>
        <translation>запись отклонена как неверная</translation>
    </message>
    <message>
        <source>the hall&apos;s signature was not accepted: check the hall&apos;s keys</source>
        <translation>подпись зала не принята: проверьте ключи зала</translation>
    </message>
    <message>
        <source>the central system holds other content under this id</source>
        <translation>у центральной системы под этим номером другое содержимое</translation>
    </message>
    <message>
        <source>Save the offline bundle</source>
        <translation>Сохранить офлайн-пакет</translation>
    </message>
    <message>
        <source>Offline bundle (*.json)</source>
        <translation>Офлайн-пакет (*.json)</translation>
    </message>
    <message>
        <source>%1: %2 records, signed by this hall. Carry it to the central system.</source>
        <translation>%1: записей %2, подписано этим залом. Доставьте в центральную систему.</translation>
    </message>
</context>
<context>
    <name>TimeDialog</name>
    <message>
        <source>Change the time of seat %1</source>
        <translation>Изменить время на месте %1</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Add (or, below zero, remove)</source>
        <translation>Добавить (меньше нуля — убавить)</translation>
    </message>
    <message>
        <source>Give a change of at least one minute.</source>
        <translation>Изменение — не меньше одной минуты.</translation>
    </message>
    <message>
        <source>Write a note that says what happened.</source>
        <translation>Напишите, что произошло.</translation>
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
        <translation>администратор</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Новый пользователь</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Полное имя</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>не менее 8 символов</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>Set role</source>
        <translation>Назначить роль</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Сбросить пароль…</translation>
    </message>
    <message>
        <source>Unlock sign-in</source>
        <translation>Разблокировать вход</translation>
    </message>
    <message>
        <source>Wrong passwords for this user, from any machine, no longer count</source>
        <translation>Неверные пароли этого пользователя, введённые на любом компьютере, больше не учитываются</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>active</source>
        <translation>активен</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>отключён</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Включить</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Отключить</translation>
    </message>
    <message>
        <source>A user name (letters, digits, . _ @ -) and a password of at least 8 characters, please.</source>
        <translation>Нужны имя пользователя (буквы, цифры, . _ @ -) и пароль не менее 8 символов.</translation>
    </message>
    <message>
        <source>User %1 created</source>
        <translation>Пользователь %1 создан</translation>
    </message>
    <message>
        <source>%1: role set</source>
        <translation>%1: роль назначена</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Сброс пароля</translation>
    </message>
    <message>
        <source>New password (at least 8 characters)</source>
        <translation>Новый пароль (не менее 8 символов)</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>В пароле должно быть не менее 8 символов.</translation>
    </message>
    <message>
        <source>%1: password reset</source>
        <translation>%1: пароль сброшен</translation>
    </message>
    <message>
        <source>Disable %1?</source>
        <translation>Отключить %1?</translation>
    </message>
    <message>
        <source>Every sign-in of %1 ends at once, mid-session too.</source>
        <translation>Все входы пользователя %1 сразу завершатся, в том числе посреди сессии.</translation>
    </message>
    <message>
        <source>%1 enabled</source>
        <translation>%1 включён</translation>
    </message>
    <message>
        <source>%1 disabled</source>
        <translation>%1 отключён</translation>
    </message>
    <message>
        <source>%1 may sign in again at once</source>
        <translation>%1 может сразу войти снова</translation>
    </message>
</context>
<context>
    <name>VerdictConfirmation</name>
    <message>
        <source>Annul the result and ban the candidate?</source>
        <translation>Аннулировать результат и запретить кандидату тестирование?</translation>
    </message>
    <message>
        <source>%1 (%2): the result is annulled and the candidate is banned from testing for %3 months. Reason: %4. This cannot be undone here.</source>
        <translation>%1 (%2): результат аннулируется, кандидату запрещается прохождение тестирования; срок запрета, месяцев: %3. Причина: %4. Здесь это нельзя отменить.</translation>
    </message>
    <message>
        <source>%1 flags have no finding: the violation is given regardless of them.</source>
        <translation>Отметок без вывода: %1. Нарушение фиксируется независимо от них.</translation>
    </message>
    <message>
        <source>Annul and ban</source>
        <translation>Аннулировать и запретить</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Назад</translation>
    </message>
</context>
</TS>
