// Length limits of the topic page's text fields, apart from their zod schemas: the page's components
// need only the numbers (for maxLength), and importing a schema module would bring zod into the
// page's JavaScript (~90 KB gzip) because its schemas are built when the module loads.
export const COMMENT_MAX = 2000;
export const REASON_MAX = 500;
export const RATING_COMMENT_MAX = 500;
export const OBJECTION_MAX = 2000;
export const OBJECTION_ANSWER_MAX = 2000;
