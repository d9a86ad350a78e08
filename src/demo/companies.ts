import type { CompanySize } from "../domain/conveyor.js";
import { checkLegalId, edrpouCheckDigit, innCheckDigits, rnokppCheckDigit, type LegalIdKind } from "../domain/legalIds.js";
import { normalisePhone } from "../domain/phones.js";
import type { Random } from "./random.js";
import { FREE_MAIL, INDUSTRIES, MOBILE_PREFIXES, NAME_STEMS, OWNER_POSITION, PEOPLE, POSITIONS, REGIONS, latin, say, type Country } from "./vocabulary.js";

/** The client base: legal names, valid tax ids, contacts with valid phones. No dates, no stages. */

export const SOURCES = ["cold base", "partner", "website form", "exhibition", "inbound call", "ads", "lead marketplace"] as const;
export type Source = (typeof SOURCES)[number];

export interface ContactSeed {
  fullName: string;
  position: string;
  decisionMaker: boolean;
  phones: string[];
  emails: string[];
}

export interface CompanySeed {
  country: Country;
  legalName: string;
  legalId: string | null;
  legalIdKind: LegalIdKind | null;
  groupName: string | null;
  industry: string;
  size: CompanySize;
  region: string;
  source: Source;
  contacts: ContactSeed[];
}

// The lead marketplace's companies are the demo's separate batch of bought leads (fillDemo), never drawn here.
const SOURCE_WEIGHTS: Record<Source, number> = { "cold base": 55, partner: 9, "website form": 12, exhibition: 8, "inbound call": 8, ads: 8, "lead marketplace": 0 };
const SIZE_WEIGHTS: Record<CompanySize, number> = { micro: 20, small: 42, medium: 28, large: 10 };
/** Legal forms by country: organisations (with a brand name) and sole traders (named after the owner). */
const FORMS: Record<Country, Record<string, number>> = {
  RU: { ООО: 68, АО: 8, ПАО: 3, ИП: 21 },
  UA: { ТОВ: 64, ПП: 8, ПрАТ: 5, ФОП: 23 },
};
const SOLE_TRADER = new Set(["ИП", "ФОП"]);
const PERSON_INDUSTRIES = ["Retail", "Food service", "IT", "Logistics", "Wholesale"];

interface Person {
  fullName: string;
  first: string;
  last: string;
}

/** Generates the base: `groups` related-company groups first, then independent companies up to `count`. */
export function generateCompanies(rng: Random, count: number, groups = 9): CompanySeed[] {
  const gen = new BaseGenerator(rng);
  const result: CompanySeed[] = [];
  for (let g = 0; g < groups; g++) result.push(...gen.group());
  while (result.length < count) result.push(gen.company());
  return result.slice(0, count);
}

class BaseGenerator {
  private names = new Set<string>();
  private legalIds = new Set<string>();
  private phones = new Set<string>();
  private groupStems = new Set<string>();

  constructor(private rng: Random) {}

  /** 2-4 related companies sharing a brand: one owner, different businesses, one city. */
  group(): CompanySeed[] {
    const country: Country = this.rng.chance(0.5) ? "UA" : "RU";
    let stem = this.rng.pick(NAME_STEMS[country]);
    while (this.groupStems.has(stem)) stem = this.rng.pick(NAME_STEMS[country]);
    this.groupStems.add(stem);
    const groupName = country === "RU" ? `Группа «${stem}»` : `Група «${stem}»`;
    const region = this.region(country);
    const industries = this.rng.shuffle(Object.keys(INDUSTRIES)).slice(0, this.rng.int(2, 4));
    const source = this.rng.weighted(SOURCE_WEIGHTS);
    return industries.map((industry, i) =>
      this.organisation(country, { stem, industry, region, groupName, source, form: i === 0 ? (country === "RU" ? "АО" : "ПрАТ") : undefined }),
    );
  }

  company(): CompanySeed {
    const country: Country = this.rng.chance(0.55) ? "UA" : "RU";
    const form = this.rng.weighted(FORMS[country]);
    const source = this.rng.weighted(SOURCE_WEIGHTS);
    if (SOLE_TRADER.has(form)) return this.soleTrader(country, form, source);
    return this.organisation(country, { form, source, region: this.region(country), industry: this.rng.pick(Object.keys(INDUSTRIES)) });
  }

  private organisation(
    country: Country,
    o: { form?: string; stem?: string; industry: string; region: string; source: Source; groupName?: string },
  ): CompanySeed {
    const form = o.form ?? (country === "RU" ? "ООО" : "ТОВ");
    const size: CompanySize = form === "ПАО" || form === "ПрАТ" || form === "АО" ? this.rng.pick(["medium", "large"]) : this.rng.weighted(SIZE_WEIGHTS);
    let core = "";
    let legalName = "";
    do {
      const stem = o.stem ?? this.rng.pick(NAME_STEMS[country]);
      const ending = this.rng.pick(INDUSTRIES[o.industry]![country]);
      core = stem + this.rng.pick(["", "-", " "]) + ending;
      const quoted = country === "UA" || this.rng.chance(0.5) ? `«${core}»` : `"${core}"`;
      legalName = `${form} ${quoted}`;
    } while (this.names.has(legalName));
    this.names.add(legalName);
    const domain = `${latin(core)}${country === "RU" ? ".ru" : this.rng.pick([".com.ua", ".ua"])}`;
    const contactCount = this.rng.pick([1, 1, 1, 2, 2, 2, 2, 3, 3, 3]);
    const contacts: ContactSeed[] = [];
    for (let i = 0; i < contactCount; i++) contacts.push(this.employee(country, areaOf(o.region), domain, i === 0, contacts));
    return {
      country,
      legalName,
      ...this.legalId(country, "organisation", o.region),
      groupName: o.groupName ?? null,
      industry: o.industry,
      size,
      region: o.region,
      source: o.source,
      contacts,
    };
  }

  /** ИП / ФОП: the legal name is the owner's name, the owner is the first contact. */
  private soleTrader(country: Country, form: string, source: Source): CompanySeed {
    let owner = this.person(country);
    while (this.names.has(`${form} ${owner.fullName}`)) owner = this.person(country);
    const legalName = `${form} ${owner.fullName}`;
    this.names.add(legalName);
    const regionName = this.region(country);
    const contacts: ContactSeed[] = [
      {
        fullName: owner.fullName,
        position: say(country, OWNER_POSITION),
        decisionMaker: true,
        phones: [this.phone(country, "mobile")],
        emails: this.rng.chance(0.7) ? [`${latin(owner.last)}.${latin(owner.first)}@${this.rng.pick(FREE_MAIL[country])}`] : [],
      },
    ];
    if (this.rng.chance(0.25)) contacts.push(this.employee(country, areaOf(regionName), this.rng.pick(FREE_MAIL[country]), false, contacts));
    return {
      country,
      legalName,
      ...this.legalId(country, "person", regionName),
      groupName: null,
      industry: this.rng.pick(PERSON_INDUSTRIES),
      size: "micro",
      region: regionName,
      source,
      contacts,
    };
  }

  private employee(country: Country, area: string, domain: string, first: boolean, colleagues: ContactSeed[]): ContactSeed {
    let person = this.person(country);
    while (colleagues.some((c) => c.fullName === person.fullName)) person = this.person(country);
    const [ru, uk, decides] = first && this.rng.chance(0.7) ? POSITIONS[this.rng.int(0, 1)]! : this.rng.pick(POSITIONS.slice(2));
    const phones = [this.phone(country, "mobile")];
    if (this.rng.chance(0.2)) phones.push(this.phone(country, area));
    const emails = this.rng.chance(0.75) ? [`${latin(person.first)}.${latin(person.last)}@${domain}`] : [];
    return { fullName: person.fullName, position: country === "RU" ? ru : uk, decisionMaker: decides, phones, emails };
  }

  private person(country: Country): Person {
    const people = PEOPLE[country];
    const female = this.rng.chance(0.45);
    const g = female ? 1 : 0;
    const first = this.rng.pick(female ? people.female : people.male);
    const last = this.rng.pick(people.surnames)[g];
    const patronymic = this.rng.pick(people.patronymics)[g];
    return { fullName: `${last} ${first} ${patronymic}`, first, last };
  }

  private region(country: Country): string {
    const weights = Object.fromEntries(REGIONS[country].map((r) => [r.name, r.weight]));
    return this.rng.weighted(weights);
  }

  /** A tax id with correct check digits, unique in the base; about 1 in 25 records lacks one. */
  private legalId(country: Country, who: "organisation" | "person", regionName: string): { legalId: string | null; legalIdKind: LegalIdKind | null } {
    if (this.rng.chance(0.04)) return { legalId: null, legalIdKind: null };
    for (;;) {
      const { legalId, legalIdKind } = this.candidateLegalId(country, who, regionName);
      // An RNOKPP that also passes the INN checksum would read as an INN when typed in: skip it.
      const check = checkLegalId(legalId);
      if (!check.ok || check.kind !== legalIdKind || this.legalIds.has(`${legalIdKind}:${legalId}`)) continue;
      this.legalIds.add(`${legalIdKind}:${legalId}`);
      return { legalId, legalIdKind };
    }
  }

  private candidateLegalId(country: Country, who: "organisation" | "person", regionName: string): { legalId: string; legalIdKind: LegalIdKind } {
    if (country === "RU") {
      const innRegion = REGIONS.RU.find((r) => r.name === regionName)?.innRegion ?? "77";
      const body = innRegion + this.rng.digits(who === "organisation" ? 7 : 8);
      return { legalId: body + innCheckDigits(body), legalIdKind: "inn" };
    }
    if (who === "organisation") {
      const body = String(this.rng.int(3_000_000, 4_499_999));
      return { legalId: body + edrpouCheckDigit(body), legalIdKind: "edrpou" };
    }
    // RNOKPP starts with the owner's birth date as days since 1899-12-31.
    const body = String(this.rng.int(24_000, 36_000)) + this.rng.digits(4);
    return { legalId: body + rnokppCheckDigit(body), legalIdKind: "rnokpp" };
  }

  /** A phone valid per libphonenumber's full metadata, unique in the base, in E.164. */
  private phone(country: Country, kind: "mobile" | string): string {
    for (let attempt = 0; ; attempt++) {
      const national =
        kind === "mobile" || attempt > 20
          ? country === "UA"
            ? `0${this.rng.pick(MOBILE_PREFIXES.UA)} ${this.rng.digits(3)} ${this.rng.digits(2)} ${this.rng.digits(2)}`
            : `8 ${this.rng.pick(MOBILE_PREFIXES.RU)} ${this.rng.int(2, 9)}${this.rng.digits(2)}-${this.rng.digits(2)}-${this.rng.digits(2)}`
          : `${country === "UA" ? "0" : "8 "}${kind} ${this.rng.int(2, 5)}${this.rng.digits((country === "UA" ? 9 : 10) - kind.length - 1)}`;
      const check = normalisePhone(national, country);
      if (check.ok && !this.phones.has(check.e164)) {
        this.phones.add(check.e164);
        return check.e164;
      }
    }
  }
}

/** The landline area code of a region. */
function areaOf(regionName: string): string {
  return [...REGIONS.UA, ...REGIONS.RU].find((r) => r.name === regionName)!.area;
}
