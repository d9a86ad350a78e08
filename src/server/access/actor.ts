import type { Role } from "../../domain/conveyor.js";
import type { Language } from "../errors.js";

/** The signed-in person a request acts for. */
export interface Actor {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  language: Language;
}
