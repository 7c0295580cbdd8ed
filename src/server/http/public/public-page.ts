import type { Language } from '../language.ts';
import { type Html, html } from './html.ts';

/**
 * The frame of every public page: no script, one same-origin stylesheet, nothing from a third
 * party, readable on a small phone and in Tor Browser's safest mode.
 */
export function publicPage(input: { language: Language; title: string; body: Html }): string {
  const other: Language = input.language === 'ru' ? 'en' : 'ru';
  const switchLabel = input.language === 'ru' ? 'English' : 'Русский';
  return `<!doctype html>${
    html`<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${input.title} · Habeas</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/public.css">
</head>
<body>
<header class="top"><a class="brand" href="/?lang=${input.language}">Habeas</a>
<a class="lang" href="?lang=${other}" hreflang="${other}" lang="${other}">${switchLabel}</a></header>
<main>${input.body}</main>
</body>
</html>`.html
  }`;
}
