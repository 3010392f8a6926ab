import { htmlToText } from '../../../kernel/search/text.js';

/**
 * Plain text of the little HTML WordPress lets into a comment or an excerpt (<p>, <br>, <a>,
 * <strong>…): paragraphs separated by a blank line, lines kept, tags dropped, entities decoded.
 */
export function commentText(html: string): string {
  return html
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>/gi, '\n\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split('\n').map(htmlToText).filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n')
    .normalize('NFC');
}
