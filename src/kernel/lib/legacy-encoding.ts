/**
 * Placeholder until the legacy-encoding work (TCVN3/VNI detection and conversion) is merged:
 * the same signatures, returning the text in NFC. The importers already call these, so the
 * conversion applies to every import once the real module replaces this file.
 */
export function fixLegacyText(text: string): string {
  return text.normalize('NFC');
}

/** The same on the text nodes and attribute values of an HTML fragment. */
export function fixLegacyHtml(html: string): string {
  return html.normalize('NFC');
}
