import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type ApiClient, type TestServer, type TestUser } from "../support/testServer.js";

let server: TestServer;
let manager: ApiClient & { user: TestUser };
let companyId: number;
beforeAll(async () => {
  server = await startTestServer({ DEFAULT_COUNTRY: "RU" });
  manager = await server.signedIn("manager");
  companyId = (await manager.post("/api/companies", { legalName: "ИП Кузнецов" })).body.company.id;
});
afterAll(() => server.close());

describe("contacts", () => {
  it("adds a contact with phones typed the national way for the team's country", async () => {
    const res = await manager.post(`/api/companies/${companyId}/contacts`, { fullName: "Пётр Кузнецов", phones: ["8 (916) 765-43-21"], emails: ["P@K.RU"], decisionMaker: true });
    expect(res.status).toBe(201);
    expect(res.body.contact).toMatchObject({ companyId, phones: ["+79167654321"], emails: ["p@k.ru"], decisionMaker: true });
    const found = await manager.get(`/api/companies?q=${encodeURIComponent("8 916 765 43 21")}`);
    expect(found.body.items.map((c: { id: number }) => c.id)).toEqual([companyId]);
  });

  it("replaces phones on update, records before and after on the timeline", async () => {
    const contact = (await manager.post(`/api/companies/${companyId}/contacts`, { fullName: "Секретарь", phones: ["+7 495 123-45-67"] })).body.contact;
    const res = await manager.patch(`/api/contacts/${contact.id}`, { phones: ["+7 495 765-43-21", "+7 495 765-43-21"], position: "Офис-менеджер" });
    expect(res.status).toBe(200);
    expect(res.body.contact).toMatchObject({ phones: ["+74957654321"], position: "Офис-менеджер" });
    expect((await manager.get(`/api/companies?q=${encodeURIComponent("+74951234567")}`)).body.items).toEqual([]);
    const entry = (await manager.get(`/api/companies/${companyId}/timeline`)).body.items[0];
    expect(entry).toMatchObject({ kind: "contact_updated", data: { before: { phones: ["+74951234567"] }, after: { phones: ["+74957654321"] } } });
  });

  it("refuses invalid phones and unknown contacts, changing nothing", async () => {
    const contact = (await manager.post(`/api/companies/${companyId}/contacts`, { fullName: "Бухгалтер", phones: ["+7 812 111-22-33"] })).body.contact;
    const bad = await manager.patch(`/api/contacts/${contact.id}`, { phones: ["+7 812 111"] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_phone");
    const card = await manager.get(`/api/companies/${companyId}`);
    expect(card.body.contacts.find((c: { id: number }) => c.id === contact.id).phones).toEqual(["+78121112233"]);
    expect((await manager.patch("/api/contacts/999999", { fullName: "X" })).status).toBe(404);
    expect((await manager.patch(`/api/contacts/${contact.id}`, {})).status).toBe(400);
  });

  it("refuses a phone that belongs to another company", async () => {
    const other = (await manager.post("/api/companies", { legalName: "Другая", contacts: [{ fullName: "A", phones: ["+7 383 222-33-44"] }] })).body.company;
    const res = await manager.post(`/api/companies/${companyId}/contacts`, { fullName: "B", phones: ["8 383 222 33 44"] });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toMatchObject({ companyId: other.id, phone: "+73832223344" });
  });

  it("refuses contact changes by someone who does not hold the company", async () => {
    const stranger = await server.signedIn("manager");
    expect((await stranger.post(`/api/companies/${companyId}/contacts`, { fullName: "Intruder" })).status).toBe(403);
    const contactId = (await manager.get(`/api/companies/${companyId}`)).body.contacts[0].id;
    expect((await stranger.patch(`/api/contacts/${contactId}`, { fullName: "Renamed" })).status).toBe(403);
  });
});
