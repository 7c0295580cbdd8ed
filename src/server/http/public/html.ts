const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** A string that is already safe HTML. */
export type Html = { readonly html: string };

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

/**
 * Tagged template for public pages: every interpolated value is escaped unless it is `Html`
 * made by this tag, so that user input can never become markup.
 */
export function html(
  strings: TemplateStringsArray,
  ...values: (string | number | Html | Html[])[]
): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    const parts = Array.isArray(value) ? value : [value];
    out += parts
      .map((part) => (typeof part === 'object' ? part.html : escapeText(String(part))))
      .join('');
    out += strings[index + 1] ?? '';
  });
  return { html: out };
}
