import { Type, type Static } from "typebox";
import { StageSchema } from "../clients/schemas.js";

export const HandOffBody = Type.Object(
  {
    toUserId: Type.Integer({ minimum: 1 }),
    note: Type.Optional(Type.String({ maxLength: 5000 })),
    /** The stage the caller saw; if the company moved meanwhile the hand-off is refused (409). */
    fromStage: Type.Optional(StageSchema),
  },
  { additionalProperties: false },
);
export type HandOffInput = Static<typeof HandOffBody>;

export const AssignHolderBody = Type.Object(
  {
    userId: Type.Integer({ minimum: 1 }),
    note: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export type AssignHolderInput = Static<typeof AssignHolderBody>;
