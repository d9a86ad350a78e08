import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { mayCreateCompany } from "../auth/permissions";
import { useUser } from "../auth/session";
import { CompanyCreate } from "../companies/CompanyCreate";
import { InboundCallCard } from "./InboundCallCard";
import { useInboundCalls } from "./useInboundCalls";

/**
 * Always mounted while signed in: listens for calls routed to this user and pops the newest up
 * (the others wait behind it). A new caller can be added as a company straight from the pop-up.
 */
export function InboundCalls() {
  const user = useUser();
  const navigate = useNavigate();
  const { current, waiting, dismiss, dismissAll } = useInboundCalls();
  const [creating, setCreating] = useState(false);

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
                  setCreating(true);
                }
              : null
          }
        />
      ) : null}
      <CompanyCreate opened={creating} onClose={() => setCreating(false)} onCreated={(id) => void navigate(`/companies/${id}`)} />
    </>
  );
}
