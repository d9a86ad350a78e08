import { Type, type Static } from "typebox";
import { ROLES } from "../../domain/conveyor.js";
import { LANGUAGES } from "../../server/errors.js";
import { StringEnum, Nullable } from "../../server/schemaHelpers.js";

export const RoleSchema = StringEnum(ROLES);
export const LanguageSchema = StringEnum(LANGUAGES);

export const UserSchema = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    fullName: Type.String(),
    role: RoleSchema,
    language: LanguageSchema,
    active: Type.Boolean(),
    dailyLeadCap: Nullable(Type.Integer({ description: "Sales managers: new leads per day (null: the team default)." })),
    team: Nullable(Type.String({ description: "The sales team (office, branch) the person works in; null: none." })),
  },
  { $id: "User", title: "User" },
);
export type UserDto = Static<typeof UserSchema>;

const Username = Type.String({ minLength: 2, maxLength: 64, pattern: "^[A-Za-z0-9._@-]+$" });
const FullName = Type.String({ minLength: 1, maxLength: 200 });
export const Password = Type.String({ minLength: 8, maxLength: 200 });
/** Trimmed on save; blank means no team. */
const Team = Nullable(Type.String({ maxLength: 60 , description: "The sales team; blank or null: none." }));

export const CreateUserBody = Type.Object(
  { username: Username, fullName: FullName, role: RoleSchema, password: Password, language: Type.Optional(LanguageSchema), team: Type.Optional(Team) },
  { additionalProperties: false },
);
export type CreateUserInput = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    fullName: Type.Optional(FullName),
    role: Type.Optional(RoleSchema),
    language: Type.Optional(LanguageSchema),
    active: Type.Optional(Type.Boolean()),
    password: Type.Optional(Password),
    dailyLeadCap: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1000 }))),
    team: Type.Optional(Team),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserInput = Static<typeof UpdateUserBody>;

export const ListUsersQuery = Type.Object(
  { role: Type.Optional(RoleSchema), includeInactive: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
