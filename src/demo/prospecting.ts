import { sql } from "drizzle-orm";
import { sqlList, type DbOrTx } from "../db/connect.js";
import { callListCallers, callLists, instructions, scripts, scriptVersions } from "../db/schema.js";
import { CONNECTED_OUTCOMES } from "../domain/calling.js";
import type { ScriptBody } from "../domain/scripts.js";
import { refreshCallList } from "../features/prospecting/listMembership.js";
import type { Team } from "./team.js";

/** Tier 1's working set for the demo: a script, instructions, call lists and the call log. */

const SCRIPT: ScriptBody = {
  start: "greet",
  steps: [
    {
      id: "greet",
      say: "Добрый день! Меня зовут {имя}, компания «Конвейер Снаб». Подскажите, кто у вас отвечает за закупку упаковки?",
      answers: [
        { id: "me", label: "Я отвечаю", next: "need" },
        { id: "transfer", label: "Соединю с ответственным", next: "need" },
        { id: "no_need", label: "Нам это не нужно", outcome: "not_target" },
        { id: "busy", label: "Сейчас неудобно", outcome: "callback" },
      ],
    },
    {
      id: "need",
      say: "Сколько коробок и плёнки уходит у вас в месяц и кто сейчас поставщик?",
      answers: [
        { id: "volume", label: "Называет объём и поставщика", next: "offer" },
        { id: "secret", label: "Не готов говорить", next: "offer" },
        { id: "hard", label: "Сложный вопрос (сертификаты, отсрочка, спецзаказ)", outcome: "hard_question" },
      ],
    },
    {
      id: "offer",
      say: "Мы держим цену на 3 месяца и возим за 48 часов. Предлагаю встречу с менеджером: он посчитает вашу экономию.",
      answers: [
        { id: "yes", label: "Давайте встречу", outcome: "interested" },
        { id: "send", label: "Пришлите предложение", outcome: "sent_info" },
        { id: "no", label: "Не интересно", outcome: "not_interested" },
      ],
    },
  ],
};

const INSTRUCTIONS = [
  { title: "Если просят прислать предложение", body: "Уточните email и удобное время звонка. Выберите «Отправил информацию» и поставьте перезвон через 2–3 рабочих дня." },
  { title: "Если спрашивают про цены и скидки", body: "Цены называет менеджер после расчёта. Скажите, что расчёт бесплатный, и предложите встречу. Если настаивают — «Сложный вопрос»: менеджер перезвонит сегодня." },
  { title: "Якщо відповідає секретар", body: "Попросіть з'єднати з відповідальним за закупівлі. Якщо відмовляють — дізнайтеся ім'я та прямий номер, результат «Секретар»." },
];

export async function writeProspecting(tx: DbOrTx, team: Team): Promise<{ callLists: number; calls: number }> {
  const [script] = await tx.insert(scripts).values({ name: "Первый звонок: упаковка", currentVersion: 1 }).returning({ id: scripts.id });
  await tx.insert(scriptVersions).values({ scriptId: script!.id, version: 1, body: SCRIPT, createdBy: team.head.id });
  await tx.insert(instructions).values(INSTRUCTIONS.map((i) => ({ ...i, updatedBy: team.head.id })));

  const lists = [
    { name: "Украина: холодная база", criteria: { regions: ["Kyiv", "Kharkiv", "Lviv", "Odesa", "Dnipro"] } },
    { name: "Россия: не звонили 30 дней", criteria: { notTouchedForDays: 30, regions: ["Moscow", "Saint Petersburg", "Kazan", "Novosibirsk", "Yekaterinburg"] } },
  ];
  for (const [i, list] of lists.entries()) {
    const [row] = await tx.insert(callLists).values({ name: list.name, criteria: list.criteria, scriptId: script!.id, createdBy: team.head.id }).returning({ id: callLists.id });
    const callers = team.callers.filter((_, n) => n % lists.length === i || team.callers.length === 1);
    if (callers.length) await tx.insert(callListCallers).values(callers.map((c) => ({ callListId: row!.id, userId: c.id })));
    await refreshCallList(tx, row!.id, list.criteria);
  }

  // The call log behind the callers' results, from the calls already on the timelines.
  const connected = sqlList(CONNECTED_OUTCOMES);
  const inserted = await tx.execute(sql`
    insert into calls (company_id, caller_id, outcome, connected, handed_over, occurred_at)
    select a.company_id, a.actor_id, a.data->>'outcome', (a.data->>'outcome') in (${connected}),
           exists (select 1 from activities h where h.company_id = a.company_id and h.kind = 'handed_over'
                   and h.data->>'fromStage' = 'cold' and h.occurred_at >= a.occurred_at and h.occurred_at < a.occurred_at + interval '1 day'
                   and (a.data->>'outcome') = 'interested'),
           a.occurred_at
    from activities a join users u on u.id = a.actor_id
    where a.kind = 'call' and u.role = 'caller' and a.data ? 'outcome'
    returning id`);
  const calls = (inserted as unknown as { rows: unknown[] }).rows.length;
  return { callLists: lists.length, calls };
}
