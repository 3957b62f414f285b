/**
 * Reads a chosen file as JSON. The server validates the document; here only "is it JSON at
 * all" is answered, so the operator hears about a wrong file before any request.
 */
export async function readPackFile(file: Blob): Promise<{ ok: true; doc: unknown } | { ok: false; message: string }> {
  const text = await file.text();
  try {
    return { ok: true, doc: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
