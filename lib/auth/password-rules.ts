// Free of zod: the password hint beside a form's field reads it without loading the schema.
/** The shortest new password, for the schema and the hint beside the field. */
export const NEW_PASSWORD_MIN_LENGTH = 10;
