"""The session report's words in Kazakh, Russian and English.

The report is made where no Qt runs (the room server, `admin report`), so its words are a table
here rather than the console's Qt catalogs. An English key missing from a language prints in
English; `tests/operator_console/server/test_report.py` checks that none is missing.
"""

from __future__ import annotations

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
    "Parked": ("Тоқтатылған", "Остановлены"),
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
    # programs
    "state_language": ("Мемлекеттік тіл", "Государственный язык"),
    "legislation": ("Заңнама", "Законодательство"),
    "personal_qualities": ("Жеке қасиеттер", "Личные качества"),
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
    "annulled": ("жойылды", "аннулирован"),
    "not finished": ("аяқталмаған", "не завершён"),
    "time_expired": ("уақыт бітті", "время истекло"),
    "terminated": ("тоқтатылды", "прекращён"),
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
    "seat.pause": ("орын тоқтатылды", "место приостановлено"),
    "seat.resume": ("орын жалғасты", "место возобновлено"),
    "seat.resume_code": ("жалғастыру коды", "код возобновления"),
    "seat.time": ("уақыт өзгертілді", "время изменено"),
    "seat.terminate": ("тест тоқтатылды", "тест прекращён"),
    "seat.move": ("басқа орынға ауыстырылды", "перенос на другое место"),
    "seat.lock": ("киоск құлыпталды", "киоск заблокирован"),
    "session.start": ("сессия басталды", "сессия начата"),
    "session.pause": ("зал тоқтатылды", "зал приостановлен"),
    "session.resume": ("зал жалғасты", "зал возобновлён"),
}
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
    "state_language": "state language",
    "personal_qualities": "personal qualities",
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
}


class Words:
    def __init__(self, language: str) -> None:
        self.index = {"kk": 0, "ru": 1}.get(language)

    def __call__(self, key: str) -> str:
        if self.index is None or key not in TEXTS:
            return EN.get(key, key)
        return TEXTS[key][self.index]

    def _known(self, key: str, fallback: str) -> str:
        return self(key) if key in TEXTS or key in EN else fallback

    def program(self, code: str) -> str:
        return self._known(code, code)

    def role(self, code: str) -> str:
        return self._known(code, code)

    def refusal(self, code: str, words: str) -> str:
        known = self._known(code, "")
        return f"{known} ({words})" if known and self.index is not None else words

    def check(self, source: str) -> str:
        return self("serial" if source == "serial" else "manual")

    def detector(self, kind: str) -> str:
        return self._known(kind, kind)

    def action(self, action: str) -> str:
        return self._known(action, action)

    def reason(self, category: str, code: str) -> str:
        return f"{category}/{code}" if code else ""

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
