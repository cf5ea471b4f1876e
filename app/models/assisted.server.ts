import type { AssistChannel } from "../../db/schema/reach";

/** 代录: the staff member who recorded an act for its person, and how the person asked (decision 040). */
export interface Assisted {
  by: number;
  channel: AssistChannel;
}

/** What the act's own ledger entry adds when staff recorded it: the recorder's id and the channel (never the person's contact details). */
export function assistedPayload(assisted: Assisted | undefined): { assisted?: { by: number; channel: AssistChannel } } {
  return assisted ? { assisted: { by: assisted.by, channel: assisted.channel } } : {};
}
