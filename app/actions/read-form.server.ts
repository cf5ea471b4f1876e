/** The submitted form, or an empty one when the body cannot be parsed: schemas then report what is missing. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}
