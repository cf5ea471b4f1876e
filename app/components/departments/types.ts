/** A department as the departments page's loader sends it (times as epoch milliseconds). */
export interface DepartmentRow {
  id: number;
  nameZh: string;
  nameEn: string;
  contact: string;
  responseHours: number;
  archivedAt: number | null;
  openCalls: number;
  overdueCalls: number;
  contacts: { userId: number; username: string; displayName: string }[];
}

/** A department invite as listed (never its code). */
export interface DepartmentInviteRow {
  id: number;
  departmentNameZh: string;
  departmentNameEn: string;
  codeHint: string;
  note: string;
  expiresAt: number;
  usedAt: number | null;
  usedBy: string | null;
  revokedAt: number | null;
}
