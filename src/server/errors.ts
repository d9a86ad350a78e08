/**
 * Every error a client can see: a stable code, an HTTP status, and a message in each of the
 * team's languages. Created here and nowhere else (after Fastify's lib/errors.js).
 */
export type Language = "ru" | "uk" | "en";
export const LANGUAGES: readonly Language[] = ["ru", "uk", "en"];

type Messages = Record<Language, string>;

const CATALOG = {
  validation_failed: { status: 400, en: "Some fields are invalid.", ru: "Некоторые поля заполнены неверно.", uk: "Деякі поля заповнено неправильно." },
  invalid_legal_id: { status: 400, en: "The tax id (INN / EDRPOU) is not valid: check the digits.", ru: "ИНН / ЕГРПОУ недействителен: проверьте цифры.", uk: "ІПН / ЄДРПОУ недійсний: перевірте цифри." },
  invalid_phone: { status: 400, en: "The phone number is not valid.", ru: "Номер телефона недействителен.", uk: "Номер телефону недійсний." },
  invalid_email: { status: 400, en: "The email address is not valid.", ru: "Адрес электронной почты недействителен.", uk: "Адреса електронної пошти недійсна." },
  not_signed_in: { status: 401, en: "Please sign in.", ru: "Войдите в систему.", uk: "Увійдіть до системи." },
  invalid_credentials: { status: 401, en: "Wrong username or password.", ru: "Неверное имя пользователя или пароль.", uk: "Неправильне ім'я користувача або пароль." },
  csrf_missing: { status: 403, en: "The request is missing its security token; reload the page.", ru: "В запросе нет токена безопасности; обновите страницу.", uk: "У запиті немає токена безпеки; оновіть сторінку." },
  forbidden: { status: 403, en: "Your role does not allow this.", ru: "Ваша роль не позволяет это сделать.", uk: "Ваша роль не дозволяє це зробити." },
  not_found: { status: 404, en: "Not found.", ru: "Не найдено.", uk: "Не знайдено." },
  company_not_found: { status: 404, en: "Company not found.", ru: "Компания не найдена.", uk: "Компанію не знайдено." },
  contact_not_found: { status: 404, en: "Contact not found.", ru: "Контакт не найден.", uk: "Контакт не знайдено." },
  user_not_found: { status: 404, en: "User not found.", ru: "Пользователь не найден.", uk: "Користувача не знайдено." },
  company_duplicate: { status: 409, en: "This company is already in the base.", ru: "Эта компания уже есть в базе.", uk: "Ця компанія вже є в базі." },
  phone_taken: { status: 409, en: "This phone already belongs to another company.", ru: "Этот телефон уже принадлежит другой компании.", uk: "Цей телефон уже належить іншій компанії." },
  username_taken: { status: 409, en: "This username is taken.", ru: "Это имя пользователя занято.", uk: "Це ім'я користувача зайняте." },
  holding_conflict: { status: 409, en: "Someone else changed who holds this company; reload and try again.", ru: "Кто-то уже изменил ответственного за компанию; обновите и повторите.", uk: "Хтось уже змінив відповідального за компанію; оновіть і повторіть." },
  handoff_not_allowed: { status: 409, en: "The company cannot be handed over from its current stage to this person.", ru: "Компанию нельзя передать с текущей стадии этому сотруднику.", uk: "Компанію не можна передати з поточної стадії цьому співробітнику." },
  assignee_unsuitable: { status: 409, en: "This person's role cannot work the company at its stage.", ru: "Роль этого сотрудника не подходит для стадии компании.", uk: "Роль цього співробітника не підходить для стадії компанії." },
  user_inactive: { status: 409, en: "This user is deactivated.", ru: "Этот пользователь деактивирован.", uk: "Цього користувача деактивовано." },
  last_admin: { status: 409, en: "The last active admin cannot be removed or demoted.", ru: "Нельзя отключить или понизить последнего администратора.", uk: "Не можна вимкнути або понизити останнього адміністратора." },
  invalid_script: { status: 400, en: "The script has problems: every answer must lead to a step or end the call.", ru: "В скрипте ошибки: каждый ответ должен вести к шагу или завершать звонок.", uk: "У скрипті помилки: кожна відповідь має вести до кроку або завершувати дзвінок." },
  invalid_script_answers: { status: 400, en: "The answers given do not follow the script.", ru: "Ответы не соответствуют скрипту.", uk: "Відповіді не відповідають скрипту." },
  callback_time_required: { status: 400, en: "Choose when to call back.", ru: "Укажите, когда перезвонить.", uk: "Вкажіть, коли передзвонити." },
  callback_time_in_past: { status: 400, en: "The call-back time must be in the future.", ru: "Время перезвона должно быть в будущем.", uk: "Час передзвону має бути в майбутньому." },
  reason_required: { status: 400, en: "Give the reason.", ru: "Укажите причину.", uk: "Вкажіть причину." },
  question_required: { status: 400, en: "Write down the prospect's question for the manager.", ru: "Запишите вопрос клиента для менеджера.", uk: "Запишіть питання клієнта для менеджера." },
  import_not_found: { status: 404, en: "Import not found.", ru: "Импорт не найден.", uk: "Імпорт не знайдено." },
  import_file_invalid: { status: 400, en: "The file cannot be read as a CSV or XLSX table with a header row.", ru: "Файл не читается как таблица CSV или XLSX со строкой заголовков.", uk: "Файл не читається як таблиця CSV або XLSX із рядком заголовків." },
  import_mapping_invalid: { status: 400, en: "Map the columns: each field to one column, with a column for the company name and one for a tax id, phone or email.", ru: "Сопоставьте столбцы: каждое поле — одному столбцу; нужны столбец с названием компании и столбец с ИНН/ЕГРПОУ, телефоном или email.", uk: "Зіставте стовпці: кожне поле — одному стовпцю; потрібні стовпець із назвою компанії та стовпець з ЄДРПОУ/ІПН, телефоном або email." },
  import_busy: { status: 409, en: "This import is already running or finished.", ru: "Этот импорт уже выполняется или завершён.", uk: "Цей імпорт уже виконується або завершений." },
  import_file_changed: { status: 409, en: "The file is gone or differs from the one uploaded; upload it again.", ru: "Файла нет или он отличается от загруженного; загрузите его снова.", uk: "Файлу немає або він відрізняється від завантаженого; завантажте його знову." },
  commission_rule_started: { status: 409, en: "This rule's month has started: commissions are already counted by it, so it cannot be removed.", ru: "Месяц этого правила уже начался: по нему уже начисляются комиссии, удалить его нельзя.", uk: "Місяць цього правила вже почався: за ним уже нараховуються комісії, видалити його не можна." },
  source_not_found: { status: 404, en: "Lead source not found.", ru: "Источник лидов не найден.", uk: "Джерело лідів не знайдено." },
  source_name_taken: { status: 409, en: "A lead source with this name exists.", ru: "Источник с таким названием уже есть.", uk: "Джерело з такою назвою вже є." },
  unknown_source: { status: 400, en: "Choose an existing lead source.", ru: "Выберите существующий источник лидов.", uk: "Оберіть наявне джерело лідів." },
  source_inactive: { status: 409, en: "This lead source is switched off.", ru: "Этот источник лидов отключён.", uk: "Це джерело лідів вимкнено." },
  intake_token_invalid: { status: 401, en: "The intake token is missing or wrong.", ru: "Токен приёма лидов не указан или неверен.", uk: "Токен прийому лідів не вказано або він неправильний." },
  intake_rate_limited: { status: 429, en: "Too many leads from this source this hour; try again later.", ru: "Слишком много лидов от этого источника за час; повторите позже.", uk: "Забагато лідів від цього джерела за годину; спробуйте пізніше." },
  lead_duplicate: { status: 409, en: "This lead is already in the base.", ru: "Этот лид уже есть в базе.", uk: "Цей лід уже є в базі." },
  lead_contact_required: { status: 400, en: "A lead needs a phone or an email to reach it by.", ru: "У лида должен быть телефон или email для связи.", uk: "У ліда має бути телефон або email для зв'язку." },
  alert_not_found: { status: 404, en: "Alert not found.", ru: "Оповещение не найдено.", uk: "Сповіщення не знайдено." },
  alert_resolved: { status: 409, en: "The alert is already resolved.", ru: "Оповещение уже закрыто.", uk: "Сповіщення вже закрито." },
  commission_rule_invalid: { status: 400, en: "A tier 1 rule is an amount per converted lead; tiers 2 and 3 are a percentage from 0 to 100.", ru: "Правило уровня 1 — сумма за конвертированный лид; уровней 2 и 3 — процент от 0 до 100.", uk: "Правило рівня 1 — сума за конвертований лід; рівнів 2 і 3 — відсоток від 0 до 100." },
  commission_rule_exists: { status: 409, en: "This tier already has a rule from that month.", ru: "Для этого уровня уже есть правило с этого месяца.", uk: "Для цього рівня вже є правило з цього місяця." },
  month_invalid: { status: 400, en: "Give the month as YYYY-MM.", ru: "Укажите месяц в формате ГГГГ-ММ.", uk: "Вкажіть місяць у форматі РРРР-ММ." },
  period_invalid: { status: 400, en: "The period must start before it ends and span at most two years.", ru: "Период должен начинаться раньше, чем заканчивается, и быть не длиннее двух лет.", uk: "Період має починатися раніше, ніж закінчується, і бути не довшим за два роки." },
  export_format_invalid: { status: 400, en: "Export as csv or xlsx.", ru: "Экспорт возможен в csv или xlsx.", uk: "Експорт можливий у csv або xlsx." },
  appointment_in_past: { status: 400, en: "The meeting must be in the future.", ru: "Встреча должна быть в будущем.", uk: "Зустріч має бути в майбутньому." },
  qualification_required: { status: 400, en: "Describe the need and the timing before handing the lead over.", ru: "Опишите потребность и сроки перед передачей лида.", uk: "Опишіть потребу і терміни перед передачею ліда." },
  script_not_found: { status: 404, en: "Script not found.", ru: "Скрипт не найден.", uk: "Скрипт не знайдено." },
  instruction_not_found: { status: 404, en: "Instruction not found.", ru: "Инструкция не найдена.", uk: "Інструкцію не знайдено." },
  call_list_not_found: { status: 404, en: "Call list not found.", ru: "Список обзвона не найден.", uk: "Список обдзвону не знайдено." },
  not_a_caller: { status: 409, en: "Only callers can be assigned to call lists.", ru: "К спискам обзвона можно назначать только операторов.", uk: "До списків обдзвону можна призначати лише операторів." },
  not_in_front_of_you: { status: 409, en: "This company is not the one in front of you any more; take the next one.", ru: "Эта компания уже не у вас на экране; возьмите следующую.", uk: "Ця компанія вже не у вас на екрані; візьміть наступну." },
  no_manager_available: { status: 409, en: "No active sales manager can take the lead.", ru: "Нет активного менеджера по продажам, чтобы принять лид.", uk: "Немає активного менеджера з продажу, щоб прийняти лід." },
  deal_not_found: { status: 404, en: "Deal not found.", ru: "Сделка не найдена.", uk: "Угоду не знайдено." },
  promise_not_found: { status: 404, en: "Promise not found.", ru: "Обещание не найдено.", uk: "Обіцянку не знайдено." },
  product_not_found: { status: 404, en: "Product not found.", ru: "Товар не найден.", uk: "Товар не знайдено." },
  deal_closed: { status: 409, en: "The deal is already closed.", ru: "Сделка уже закрыта.", uk: "Угоду вже закрито." },
  deal_exists: { status: 409, en: "The company already has an open deal.", ru: "У компании уже есть открытая сделка.", uk: "У компанії вже є відкрита угода." },
  not_a_lead: { status: 409, en: "Only a lead held in tier 2 can have a deal.", ru: "Сделка возможна только с лидом на втором уровне.", uk: "Угода можлива лише з лідом на другому рівні." },
  unknown_stage: { status: 400, en: "Unknown deal stage.", ru: "Неизвестная стадия сделки.", uk: "Невідома стадія угоди." },
  unknown_postpone_reason: { status: 400, en: "Choose an objective reason for postponing.", ru: "Выберите объективную причину переноса.", uk: "Оберіть об'єктивну причину перенесення." },
  postpone_date_in_past: { status: 400, en: "The postponement date must be after today.", ru: "Дата переноса должна быть позже сегодняшней.", uk: "Дата перенесення має бути пізніше за сьогодні." },
  postpone_too_far: { status: 400, en: "The postponement is longer than the team allows.", ru: "Перенос дольше, чем разрешено в команде.", uk: "Перенесення довше, ніж дозволено в команді." },
  nothing_to_accept: { status: 409, en: "There is no pending hand-over to accept.", ru: "Нет передачи, ожидающей принятия.", uk: "Немає передачі, що очікує прийняття." },
  promise_resolved: { status: 409, en: "The promise is already marked.", ru: "Обещание уже отмечено.", uk: "Обіцянку вже позначено." },
  product_exists: { status: 409, en: "A product with this name exists.", ru: "Товар с таким названием уже есть.", uk: "Товар з такою назвою вже є." },
  not_a_customer: { status: 409, en: "Orders are placed for customers; this company is not one yet.", ru: "Заказы оформляются на клиентов; эта компания ещё не клиент.", uk: "Замовлення оформлюються на клієнтів; ця компанія ще не клієнт." },
  order_not_found: { status: 404, en: "Order not found.", ru: "Заказ не найден.", uk: "Замовлення не знайдено." },
  invoice_not_found: { status: 404, en: "Invoice not found.", ru: "Счёт не найден.", uk: "Рахунок не знайдено." },
  order_already_invoiced: { status: 409, en: "This order already has an invoice; cancel it first to issue another.", ru: "На этот заказ уже выставлен счёт; чтобы выставить новый, отмените прежний.", uk: "На це замовлення вже виставлено рахунок; щоб виставити новий, скасуйте попередній." },
  invoice_number_taken: { status: 409, en: "An invoice with this number exists.", ru: "Счёт с таким номером уже есть.", uk: "Рахунок з таким номером уже є." },
  invoice_closed: { status: 409, en: "The invoice is already paid or cancelled.", ru: "Счёт уже оплачен или отменён.", uk: "Рахунок уже сплачено або скасовано." },
  invoice_dates_invalid: { status: 400, en: "The payment date cannot be before the issue date, nor the due date before the issue date.", ru: "Дата оплаты и срок оплаты не могут быть раньше даты счёта.", uk: "Дата оплати і термін оплати не можуть бути раніше за дату рахунку." },
  order_date_in_future: { status: 400, en: "An order cannot be dated in the future.", ru: "Заказ не может быть датирован будущим числом.", uk: "Замовлення не може бути датоване майбутнім числом." },
  holding_not_found: { status: 404, en: "Nobody holds this client any more; reload the list.", ru: "Этого клиента уже никто не ведёт; обновите список.", uk: "Цього клієнта вже ніхто не веде; оновіть список." },
  no_next_holder: { status: 409, en: "Nobody is free to take the client: everyone of the role held it recently. Choose the person yourself.", ru: "Некому передать клиента: все сотрудники этой роли недавно его вели. Выберите сотрудника сами.", uk: "Немає кому передати клієнта: усі співробітники цієї ролі нещодавно його вели. Оберіть співробітника самі." },
  unknown_extension_reason: { status: 400, en: "Choose an objective reason for the extension.", ru: "Выберите объективную причину продления.", uk: "Оберіть об'єктивну причину продовження." },
  extension_date_in_past: { status: 400, en: "The extension must run to a date after today.", ru: "Продление должно быть до даты позже сегодняшней.", uk: "Продовження має бути до дати пізніше за сьогодні." },
  extension_too_far: { status: 400, en: "The extension is longer than the team allows.", ru: "Продление дольше, чем разрешено в команде.", uk: "Продовження довше, ніж дозволено в команді." },
  company_resting: { status: 409, en: "The client is resting after rotation: nobody may hold or call it until the rest ends.", ru: "Клиент на отдыхе после ротации: до конца отдыха его нельзя вести и ему нельзя звонить.", uk: "Клієнт на відпочинку після ротації: до кінця відпочинку його не можна вести і йому не можна телефонувати." },
  rest_not_found: { status: 404, en: "The client is not resting.", ru: "Клиент не на отдыхе.", uk: "Клієнт не на відпочинку." },
  report_incomplete: { status: 400, en: "The report needs a line for every client you hold.", ru: "В отчёте нужна строка по каждому вашему клиенту.", uk: "У звіті потрібен рядок по кожному вашому клієнту." },
  not_your_client: { status: 409, en: "You did not hold this client that week.", ru: "Вы не вели этого клиента на той неделе.", uk: "Ви не вели цього клієнта того тижня." },
  telephony_not_configured: { status: 503, en: "Telephony is not set up: TELEPHONY_TOKEN is missing.", ru: "Телефония не настроена: не задан TELEPHONY_TOKEN.", uk: "Телефонію не налаштовано: не задано TELEPHONY_TOKEN." },
  telephony_token_invalid: { status: 401, en: "The telephony token is wrong.", ru: "Неверный токен телефонии.", uk: "Неправильний токен телефонії." },
  too_many_attempts: { status: 429, en: "Too many attempts; wait a minute and try again.", ru: "Слишком много попыток; подождите минуту.", uk: "Забагато спроб; зачекайте хвилину." },
  internal: { status: 500, en: "Something went wrong on the server.", ru: "На сервере что-то пошло не так.", uk: "На сервері щось пішло не так." },
} satisfies Record<string, Messages & { status: number }>;

export type ErrorCode = keyof typeof CATALOG;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, details?: Record<string, unknown>) {
    super(CATALOG[code].en);
    this.name = "AppError";
    this.code = code;
    this.status = CATALOG[code].status;
    this.details = details;
  }
}

export const appError = (code: ErrorCode, details?: Record<string, unknown>) => new AppError(code, details);

export function errorMessage(code: ErrorCode, language: Language): string {
  return CATALOG[code][language];
}

export function errorBody(code: ErrorCode, language: Language, details?: Record<string, unknown>) {
  return { error: { code, message: errorMessage(code, language), ...(details ? { details } : {}) } };
}

/** The language of a request: the signed-in user's choice, else the browser's Accept-Language. */
export function pickLanguage(userLanguage: string | undefined, acceptLanguage: string | undefined): Language {
  if (userLanguage && (LANGUAGES as string[]).includes(userLanguage)) return userLanguage as Language;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if ((LANGUAGES as string[]).includes(tag)) return tag as Language;
  }
  return "en";
}
