/** The ALTCHA widget with its Vietnamese strings, loaded by interact.js when a comment is started. */
import 'altcha/external';
import 'altcha/i18n/vi';
