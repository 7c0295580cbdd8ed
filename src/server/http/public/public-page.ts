import type { Language } from '../language.ts';
import { type Html, html } from './html.ts';

const quickExitLabel: Record<Language, string> = { ru: 'Быстрый выход', en: 'Quick exit' };

/**
 * The frame of every public page: no script, one same-origin stylesheet, nothing from a third
 * party, readable on a small phone and in Tor Browser's safest mode. The quick exit leaves for a
 * neutral site through /exit, which asks the browser to clear what this site stored.
 */
export function publicPage(input: {
  language: Language;
  title: string;
  body: Html;
  /** Replaces the `?lang=` link, where following a link would lose what was typed. */
  languageSwitch?: Html;
  /** Pages that only the holder of a secret address should reach. */
  noindex?: boolean;
}): string {
  const other: Language = input.language === 'ru' ? 'en' : 'ru';
  const switchLabel = input.language === 'ru' ? 'English' : 'Русский';
  const languageSwitch =
    input.languageSwitch ??
    html`<a class="lang" href="?lang=${other}" hreflang="${other}" lang="${other}">${switchLabel}</a>`;
  const robots = input.noindex ? html`<meta name="robots" content="noindex">\n` : html``;
  return `<!doctype html>${
    html`<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${robots}<title>${input.title} · Habeas</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/public.css">
</head>
<body>
<header class="top"><a class="brand" href="/?lang=${input.language}">Habeas</a>
<nav class="top-links">${languageSwitch}
<a class="quick-exit" href="/exit" rel="noreferrer">${quickExitLabel[input.language]}</a></nav></header>
<main>${input.body}</main>
</body>
</html>`.html
  }`;
}
