import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { mayCreateCompany } from "../auth/permissions";
import { useUser } from "../auth/session";
import { CompanyCreate, type CompanyStart } from "../companies/CompanyCreate";
import { InboundCallCard } from "./InboundCallCard";
import { useInboundCalls } from "./useInboundCalls";

/**
 * Always mounted while signed in: listens for calls routed to this user and pops the newest up
 * (the others wait behind it). A new caller can be added as a company straight from the pop-up,
 * with their number and the inbound-calls source already filled in.
 */
export function InboundCalls() {
  const user = useUser();
  const navigate = useNavigate();
  const { current, waiting, dismiss, dismissAll } = useInboundCalls();
  /** The company form for a new caller: their number and the inbound-calls source are filled in. */
  const [creating, setCreating] = useState<(CompanyStart & { key: number }) | null>(null);

  return (
    <>
      {current ? (
        <InboundCallCard
          call={current}
          waiting={waiting}
          onClose={() => dismiss(current.key)}
          onCloseAll={dismissAll}
          onOpenCompany={(id) => {
            dismiss(current.key);
            void navigate(`/companies/${id}`);
          }}
          onCreateCompany={
            mayCreateCompany(user)
              ? () => {
                  dismiss(current.key);
                  setCreating({ key: current.key, phone: current.from, sourceKind: "inbound_call" });
                }
              : null
          }
        />
      ) : null}
      {creating ? (
        <CompanyCreate key={creating.key} opened initial={creating} onClose={() => setCreating(null)} onCreated={(id) => void navigate(`/companies/${id}`)} />
      ) : null}
    </>
  );
}
