import type zh from "../zh-CN/calls";
import type { callsLedgerTypes as zhLedger } from "../zh-CN/calls";

/** Issue 19, part calls: calls on the street's departments, the departments' queue and answers. */
const calls: typeof zh = {
  call: {
    problems: {
      notFound: "This call on a department was not found (or does not belong here).",
      wrongRole: "Your role cannot do this.",
      wrongState: "The call's present state does not allow this; reload the page to see where it stands.",
      notContact: "Only a contact person of the called department can answer this call.",
      unknownDepartment: "Choose one of the street's departments.",
      departmentArchived: "This department is retired: no new calls can be made on it.",
      unknownTask: "Choose one of the topic's tasks still in progress.",
      topicNotActive: "The topic has ended (closed, not accepted, merged or expired): no department can be called on it.",
      dateInPast: "The date must be in the future.",
      alreadyCalled: "This department has already been called on this matter, and that call is still open.",
      needsEvidence: "A result needs at least one photo as evidence.",
      badText: "Please write something (1–2000 characters).",
      badPercent: "Progress is a whole number from 0 to 99 (for 100%, report the result).",
    },
    states: {
      sent: "Awaiting response",
      infoRequested: "More information asked",
      accepted: "Accepted, in progress",
      resolved: "Resolved",
      declined: "Declined",
      withdrawn: "Withdrawn",
    },
    origins: { community: "Called by the community", street: "Dispatched by the street" },
    events: {
      sent: "Call sent",
      infoRequested: "The department asked for more",
      infoGiven: "More information given",
      accepted: "The department accepted",
      declined: "The department declined",
      progress: "Progress reported",
      resolved: "Result reported",
      withdrawn: "Call withdrawn",
      responseOverdue: "No answer within the response limit",
      workOverdue: "Not resolved by the promised date",
      redispatched: "Sent to another department",
    },
    notifications: {
      arrived: "{{topic}}: a new call for your department; please answer within its response limit.",
      infoGiven: "{{topic}}: the caller gave more information; please answer.",
      withdrawn: "{{topic}}: the call was withdrawn; nothing more is needed.",
      answered_accepted: "{{topic}}: the department accepted the call.",
      answered_infoRequested: "{{topic}}: the department asks for more information.",
      answered_declined: "{{topic}}: the department declined the call.",
      answered_progress: "{{topic}}: the department reported progress.",
      answered_resolved: "{{topic}}: the department reported the result.",
      overdue_response: "{{topic}}: the department has not answered within its limit ({{due}}).",
      overdue_work: "{{topic}}: the department's promised date ({{due}}) has passed and it is not resolved.",
      openCall: "Open the call",
    },
  },
};

export const callsLedgerTypes: typeof zhLedger = {
  "call.sent": "Department called",
  "call.infoRequested": "Department asked for more",
  "call.infoGiven": "More information given",
  "call.accepted": "Department accepted",
  "call.declined": "Department declined",
  "call.progress": "Department reported progress",
  "call.resolved": "Department reported the result",
  "call.withdrawn": "Department call withdrawn",
  "call.responseOverdue": "Department response overdue",
  "call.workOverdue": "Department work overdue",
  "call.redispatched": "Sent to another department",
};

export default calls;
