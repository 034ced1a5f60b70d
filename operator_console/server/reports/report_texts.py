"""The session report's words in Kazakh, Russian and English.

The report is made where no Qt runs (the room server, `admin report`), so its words are a table
here rather than the console's Qt catalogs. An English key missing from a language prints in
English; `tests/operator_console/server/test_report.py` checks that none is missing.
"""

from __future__ import annotations

from question_banks.programs import PROGRAMS, section_words

LANGUAGES = ("kk", "ru", "en")

# key: (kk, ru); the English is the key itself unless EN names it.
TEXTS: dict[str, tuple[str, str]] = {
    "Session report": ("Сессия туралы есеп", "Отчёт о сессии"),
    "Session": ("Сессия", "Сессия"),
    "Starts": ("Басталуы", "Начало"),
    "Started": ("Басталды", "Начата"),
    "Programs": ("Бағдарламалар", "Программы"),
    "Printed": ("Басып шығарылды", "Напечатан"),
    "Staff": ("Қызметкерлер", "Персонал"),
    "Attendance": ("Қатысу", "Явка"),
    "Expected": ("Күтілді", "Ожидалось"),
    "Admitted": ("Жіберілді", "Допущено"),
    "Refused": ("Жіберілмеді", "Отказано"),
    "No-shows": ("Келмегендер", "Неявки"),
    "Time": ("Уақыты", "Время"),
    "Candidate": ("Үміткер", "Кандидат"),
    "IIN": ("ЖСН", "ИИН"),
    "Reason": ("Себебі", "Причина"),
    "Decided by": ("Шешкен", "Решил"),
    "Metal-detector checks": ("Металл іздегіш тексерулері", "Проверки металлодетектором"),
    "Walk-throughs": ("Рамкадан өтулер", "Проходы через рамку"),
    "Wand checks": ("Қол іздегішпен тексеру", "Проверки ручным детектором"),
    "Alarms": ("Дабылдар", "Срабатывания"),
    "Check": ("Тексеру", "Проверка"),
    "Result": ("Нәтиже", "Результат"),
    "Zones": ("Аймақтар", "Зоны"),
    "Decided with it": ("Осы тексерумен шешілген", "Решение по этой проверке"),
    "Seat plan": ("Орындар жоспары", "План рассадки"),
    "Seat": ("Орын", "Место"),
    "Incidents and seat actions": (
        "Оқиғалар және орындағы әрекеттер",
        "Инциденты и действия на местах",
    ),
    "What": ("Не болды", "Что"),
    "Note": ("Ескертпе", "Примечание"),
    "By": ("Кім", "Кто"),
    "Results": ("Нәтижелер", "Результаты"),
    "Program": ("Бағдарлама", "Программа"),
    "Sections": ("Бөлімдер", "Разделы"),
    "Total": ("Барлығы", "Итого"),
    "Outcome": ("Қорытынды", "Итог"),
    "Verification": ("Тексеріс", "Проверка"),
    "Delivery to the central system": ("Орталық жүйеге жеткізу", "Передача в центральную систему"),
    "Level": ("Деңгейі", "Уровень"),
    "Pending": ("Күтуде", "Ожидают"),
    "Parked": ("Кідіртілген", "Отложенные"),
    "Delivered": ("Жеткізілді", "Доставлено"),
    "Oldest pending": ("Ең ұзақ күткені", "Дольше всех ждёт"),
    "min": ("мин", "мин"),
    "Last delivery": ("Соңғы жеткізу", "Последняя доставка"),
    "Audit chain": ("Аудит тізбегі", "Цепочка аудита"),
    "Entries": ("Жазбалар", "Записей"),
    "Head": ("Тізбек басы", "Вершина цепочки"),
    "Hall signature": ("Зал қолтаңбасы", "Подпись зала"),
    "seal explained": (
        'Қолтаңба залдың Ed25519 кілтімен {"hall_id", "seq", "head"} '
        "канондық JSON-ына қойылған; "
        "`operator-console admin verify-audit` дерекқордағы тізбекті осы басымен салыстырады.",
        'Подпись залового ключа Ed25519 над каноническим JSON {"hall_id", "seq", "head"}; '
        "`operator-console admin verify-audit` сверяет цепочку в базе с этой вершиной.",
    ),
    "Page": ("Бет", "Стр."),
    # roles
    "operator": ("оператор", "оператор"),
    "proctor": ("проктор", "проктор"),
    "administrator": ("әкімші", "администратор"),
    # detector
    "serial": ("рамка", "рамка"),
    "manual": ("қол іздегіш", "ручной детектор"),
    "pass": ("таза", "чисто"),
    "alarm": ("дабыл", "тревога"),
    "fault": ("ақау", "неисправность"),
    "tamper": ("араласу", "вмешательство"),
    # outcomes and verification
    "pass_outcome": ("өтті", "сдал"),
    "fail": ("өтпеді", "не сдал"),
    "reported": ("баллдар берілді", "баллы переданы"),
    "annulled": ("нәтиженің күші жойылды", "аннулирован"),
    "not finished": ("аяқталмаған", "не завершён"),
    "time_expired": ("уақыт бітті", "время истекло"),
    "terminated": ("тестілеу тоқтатылды", "тестирование прекращено"),
    "submitted": ("тапсырды", "сдан"),
    "pending_verification": ("күтуде", "ожидает"),
    "clear": ("бұзушылық жоқ", "нарушений нет"),
    "violation": ("бұзушылық", "нарушение"),
    "ok": ("қалыпты", "норма"),
    "warning": ("ескерту", "предупреждение"),
    # refusals
    "banned": ("тыйым мерзімі бітпеген", "действует запрет"),
    "iin_mismatch": ("ЖСН тізіммен сәйкес емес", "ИИН не совпадает со списком"),
    "invalid_iin": ("ЖСН жарамсыз", "недействительный ИИН"),
    "late": ("кешікті", "опоздание"),
    "not_on_roster": ("тізімде жоқ", "нет в списке"),
    "retake_too_soon": ("қайта тапсыру мерзімі келмеген", "пересдача слишком рано"),
    "attempts_this_month": ("осы айдағы әрекеттер таусылды", "исчерпаны попытки месяца"),
    "session_closed": ("қабылдау жабық", "допуск закрыт"),
    # actions
    "incident": ("оқиға", "инцидент"),
    "seat.pause": ("орын уақытша тоқтатылды", "место приостановлено"),
    "seat.resume": ("орын жалғасты", "место возобновлено"),
    "seat.resume_code": ("жалғастыру коды", "код возобновления"),
    "seat.time": ("уақыт өзгертілді", "время изменено"),
    "seat.terminate": ("тестілеу тоқтатылды", "тестирование прекращено"),
    "seat.move": ("басқа орынға ауыстырылды", "перенос на другое место"),
    "seat.lock": ("киоск құлыпталды", "киоск заблокирован"),
    "session.start": ("сессия басталды", "сессия начата"),
    "session.pause": ("зал уақытша тоқтатылды", "зал приостановлен"),
    "session.resume": ("зал жалғасты", "зал возобновлён"),
    "seat.resume_held": ("зал тоқтатылғанда код терілді", "код введён во время паузы зала"),
    "seat.resume_refused": ("жалғастыру коды қате", "неверный код возобновления"),
    "seat.code": ("киоскті тіркеу коды", "код регистрации киоска"),
    "session.end": ("сессия аяқталды", "сессия завершена"),
    # section results
    "threshold": ("шекті балл", "пороговый балл"),
    "section passed": ("өтті", "пройден"),
    "section failed": ("өтпеді", "не пройден"),
    # who acted
    "by detector": ("металл іздегіш", "металлодетектор"),
    "by desk": ("тестілеуге жіберу үстелі", "стол допуска"),
    "by server": ("зал сервері", "сервер зала"),
    "by hall": ("тестілеу залы", "зал тестирования"),
    "by kiosk": ("киоск, Орын {seat}", "киоск, место {seat}"),
    # the candidate's language
    "language kk": ("қазақ тілі", "казахский язык"),
    "language ru": ("орыс тілі", "русский язык"),
}
CATEGORIES: dict[str, tuple[str, str, str]] = {
    "environment": ("Орта", "Обстановка", "Environment"),
    "examinee": ("Үміткер", "Кандидат", "Candidate"),
    "staff": ("Қызметкерлер", "Персонал", "Staff"),
    "technical": ("Техникалық", "Техническое", "Technical"),
    "other": ("Басқа", "Другое", "Other"),
    "lockdown": ("Киоскті бұғаттау", "Блокировка киоска", "Kiosk lockdown"),
    "camera": ("Камера", "Камера", "Camera"),
    "proctoring": ("Бейнебақылау", "Видеонаблюдение", "Proctoring"),
}  # fmt: skip
"""Incident category -> (kk, ru, en)."""

REASONS: dict[str, tuple[str, str, str]] = {
    "noise": ("шу", "шум", "noise"),
    "disturbance": ("тәртіп бұзу", "помехи", "disturbance"),
    "power_cut": ("электр қуатының өшуі", "отключение электричества", "power cut"),
    "fire_alarm": ("өрт дабылы", "пожарная тревога", "fire alarm"),
    "comfort": ("жайлылық (жылу, жарық, дәретхана)", "комфорт (тепло, свет, туалет)",
                "comfort (heat, light, toilet)"),
    "other": ("басқа", "другое", "other"),
    "illness": ("науқастану", "болезнь", "illness"),
    "help_requested": ("көмек сұрады", "просит помощи", "help requested"),
    "identity": ("жеке басына күмән", "сомнение в личности", "identity doubt"),
    "talking": ("сөйлесу", "разговоры", "talking"),
    "materials_exchanged": ("материал алмасу", "обмен материалами", "materials exchanged"),
    "device_found": ("құрылғы табылды", "обнаружено устройство", "device found"),
    "left_seat": ("орнынан кетті", "покинул место", "left the seat"),
    "late": ("кешікті", "опоздание", "late"),
    "no_show": ("келмеді", "неявка", "did not come"),
    "error": ("қызметкер қатесі", "ошибка персонала", "staff error"),
    "kiosk_frozen": ("киоск қатып қалды", "киоск завис", "kiosk frozen"),
    "kiosk_silent": ("киоск үнсіз", "киоск не отвечает", "kiosk silent"),
    "kiosk_dead": ("киоск істен шықты", "киоск вышел из строя", "kiosk dead"),
    "network": ("желі", "сеть", "network"),
    "camera": ("камера", "камера", "camera"),
    "detector": ("металл іздегіш", "металлодетектор", "metal detector"),
    # what kiosks report by themselves
    "focus_lost": ("тест терезесі фокусты жоғалтты", "окно теста потеряло фокус",
                   "test window lost focus"),
    "extra_screen": ("екінші экран қосылды", "подключён второй экран", "second screen connected"),
    "prohibited_program": ("тыйым салынған бағдарлама іске қосылған",
                           "запущена запрещённая программа", "prohibited program running"),
    "unclean_exit": ("ақаудан кейін киоск қайта іске қосылды",
                     "киоск перезапущен после сбоя", "kiosk restarted after a failure"),
    "virtual_machine": ("виртуалды машина", "виртуальная машина", "virtual machine"),
    "remote_session": ("қашықтан қосылу", "удалённый сеанс", "remote session"),
    "shortcut_blocked": ("тыйым салынған пернелер басылды, бұғатталды",
                         "нажато запрещённое сочетание клавиш, заблокировано",
                         "blocked shortcut pressed"),
    "close_attempt": ("тест терезесін жабу әрекеті", "попытка закрыть окно теста",
                      "tried to close the test"),
    "identity_disputed": ("үміткер: экрандағы аты-жөні менікі емес",
                          "кандидат: ФИО на экране не моё", "candidate says: not me"),
    "camera_check_failed": ("камераны тексеру сәтсіз", "проверка камеры не пройдена",
                            "camera check failed"),
    "camera_unavailable": ("камера жоқ", "камера недоступна", "camera unavailable"),
    "camera_lost": ("камера ажырады", "камера потеряна", "camera lost"),
    "camera_frozen": ("камера кескіні қатып қалды", "изображение камеры застыло",
                      "camera picture frozen"),
    "recording_failed": ("бейнежазба үзілді: бөлік жоғалды",
                         "сбой видеозаписи: фрагмент утрачен", "recording failed"),
    "recording_resumed": ("бейнежазба қайта жұмыс істейді", "видеозапись снова работает",
                          "recording works again"),
    "no_face": ("кадрда бет жоқ", "в кадре нет лица", "no face in view"),
    "several_faces": ("кадрда екі не одан көп бет", "в кадре два лица или больше",
                      "two or more faces"),
    "operator": ("оператор уақытша тоқтатты", "приостановлено оператором",
                 "paused by the operator"),
    "operator_pause": ("оператор уақытша тоқтатты", "приостановлено оператором",
                       "paused by the operator"),
    "room_paused": ("зал уақытша тоқтатылды", "зал приостановлен", "room paused"),
    "moved_here": ("осы орынға ауыстырылды", "перенесён на это место", "moved here"),
}  # fmt: skip
"""Reason codes of contracts §6 and the kiosks' automatic incident codes -> (kk, ru, en)."""

AUTOMATIC = frozenset({"lockdown", "camera", "proctoring"})
"""Categories the kiosk reports by itself: their notes are the kiosk's English for technicians."""
EN = {
    "seal explained": (
        'The hall\'s Ed25519 key signs the canonical JSON {"hall_id", "seq", "head"}; '
        "`operator-console admin verify-audit` checks the database's chain against this head."
    ),
    "pass_outcome": "pass",
    "pending_verification": "pending",
    "serial": "walk-through",
    "manual": "wand",
    "pass": "clear",
    "reported": "scores reported",
    "time_expired": "time ran out",
    "submitted": "handed in",
    "not finished": "not finished",
    "session_closed": "admission closed",
    "seat.pause": "seat paused",
    "seat.resume": "seat resumed",
    "seat.resume_code": "resume code",
    "seat.time": "time changed",
    "seat.terminate": "test terminated",
    "seat.move": "moved to another seat",
    "seat.lock": "kiosk locked",
    "session.start": "session started",
    "session.pause": "room paused",
    "session.resume": "room resumed",
    "seat.resume_held": "code typed during room pause",
    "seat.resume_refused": "wrong resume code",
    "seat.code": "kiosk enrollment code",
    "session.end": "session ended",
    "section passed": "passed",
    "section failed": "failed",
    "by detector": "the detector",
    "by desk": "the desk",
    "by server": "the room server",
    "by hall": "the hall",
    "by kiosk": "the kiosk at seat {seat}",
}


class Words:
    def __init__(self, language: str) -> None:
        self.index = {"kk": 0, "ru": 1}.get(language)
        self.code = language if self.index is not None else "en"

    def __call__(self, key: str) -> str:
        if self.index is None or key not in TEXTS:
            return EN.get(key, key)
        return TEXTS[key][self.index]

    def _known(self, key: str, fallback: str) -> str:
        return self(key) if key in TEXTS or key in EN else fallback

    def _of(self, table: dict[str, tuple[str, str, str]], code: str) -> str:
        said = table.get(code)
        if said is None:
            return code.replace("_", " ")
        return said[2 if self.index is None else self.index]

    def number(self, value: float) -> str:
        """`31.5` in English, `31,5` in Kazakh and Russian."""
        said = f"{value:g}"
        return said if self.index is None else said.replace(".", ",")

    def program(self, code: str) -> str:
        defined = PROGRAMS.get(code)
        return defined.name.said(self.code) if defined else code.replace("_", " ")

    def section(self, code: str) -> str:
        names = section_words(code)
        return names.said(self.code) if names else code.replace("_", " ")

    def language(self, code: str) -> str:
        if not code:
            return "—"
        return self._known(f"language {code}", code) if self.index is not None else code

    def section_result(
        self, code: str, score: float, threshold: float | None, passed: bool | None
    ) -> str:
        said = f"{self.section(code)}: {self.number(score)}"
        if threshold is not None:
            said += f" ({self('threshold')}: {self.number(threshold)})"
        if passed is not None:
            said += f", {self('section passed' if passed else 'section failed')}"
        return said

    def role(self, code: str) -> str:
        return self._known(code, code)

    def refusal(self, code: str, words: str) -> str:
        """The refusal's rule or reason in words; in kk and ru the server's English `words` give
        way to the code's words, keeping only an operator's note after "reason: "."""
        if self.index is None:
            return words
        known = self._known(code, "") or (self._of(REASONS, code) if code in REASONS else "")
        if not known:
            return words
        prefix = code.replace("_", " ") + ": "
        return f"{known}: {words[len(prefix) :]}" if words.startswith(prefix) else known

    def check(self, source: str) -> str:
        return self("serial" if source == "serial" else "manual")

    def detector(self, kind: str) -> str:
        return self._known(kind, kind)

    def action(self, action: str) -> str:
        return self._known(action, action)

    def reason(self, category: str, code: str) -> str:
        if not code:
            return ""
        return f"{self._of(CATEGORIES, category)}: {self.reason_alone(code)}"

    def reason_alone(self, code: str) -> str:
        """A reason code's words without its category."""
        return self._of(REASONS, code)

    def note(self, category: str, note: str) -> str:
        """A person's note as written; a kiosk's own note is English for technicians: in kk and
        ru its code says what happened, the note stays in the English report and the history."""
        return "" if category in AUTOMATIC and self.index is not None else note

    def actor(self, who: str) -> str:
        """The detector, the desk, the server and the kiosk at a seat in words; user names stay."""
        if who.startswith("kiosk:"):
            return self("by kiosk").replace("{seat}", who.removeprefix("kiosk:"))
        return self(f"by {who}") if f"by {who}" in TEXTS else who

    def outcome(self, outcome: str, status: str, finish_reason: str) -> str:
        if status != "finished":
            return self("not finished")
        said = self("pass_outcome" if outcome == "pass" else outcome) if outcome else "—"
        return f"{said} ({self._known(finish_reason, finish_reason)})" if finish_reason else said

    def verification(self, verdict: str) -> str:
        return self("pending_verification" if verdict == "pending" else verdict)

    def level(self, level: str) -> str:
        return self._known(level, level)

    def page(self, page: int, total: int) -> str:
        return f"{self('Page')} {page} / {total}"
