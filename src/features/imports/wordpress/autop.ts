/**
 * Paragraphs for a classic-editor body, as WordPress's wpautop() makes them when it shows one:
 * text separated by a blank line becomes a <p>, a single line break inside it a <br>; a chunk that
 * already is a block element (list, table, figure, heading…) is left as it is. Block-editor bodies
 * carry their own <p> and do not come here. <pre> keeps its line breaks.
 */
const BLOCK =
  /^<\/?(address|article|aside|blockquote|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|li|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul|audio|video)\b/i;

export function autop(html: string): string {
  const pres: string[] = [];
  const text = html
    .replace(/\r\n?/g, '\n')
    .replace(/<pre\b[\s\S]*?<\/pre>/gi, (pre) => `\n\n<pre data-kept="${pres.push(pre) - 1}"></pre>\n\n`);
  return text
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK.test(chunk) ? chunk : `<p>${chunk.replace(/\s*\n\s*/g, '<br>\n')}</p>`))
    .join('\n')
    .replace(/<pre data-kept="(\d+)"><\/pre>/g, (_, i: string) => pres[Number(i)]!);
}
