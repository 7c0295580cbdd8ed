import type { StatsPlace } from '../../../domain/stats/public-stats.ts';
import { riskNoteDays } from '../../../domain/stats/risk-note.ts';
import type { Language } from '../language.ts';
import { type Html, html } from './html.ts';

const texts = {
  ru: {
    title: 'Где задерживали в последние дни',
    some: `О задержаниях призывников сообщали на этих станциях метро за последние ${riskNoteDays} дней:`,
    none: `За последние ${riskNoteDays} дней нам не сообщали о задержаниях в метро. Это не значит, что там безопасно.`,
    how: 'Только станции, без числа и дат: по сообщениям, которые группа разрешила публиковать.',
  },
  en: {
    title: 'Where people were detained lately',
    some: `Detentions of conscripts were reported at these metro stations in the last ${riskNoteDays} days:`,
    none: `No detentions in the metro were reported to us in the last ${riskNoteDays} days. That does not mean it is safe.`,
    how: 'Stations only, no numbers or dates: from reports the group allowed to publish.',
  },
} satisfies Record<Language, Record<string, string>>;

/**
 * The risk note as a section of a public page: which metro stations had detentions reported
 * in the last days, aggregated, with no count, date or person. Any public page can render it
 * from `readRiskNote`.
 */
export function riskNoteSection(language: Language, stations: readonly StatsPlace[]): Html {
  const t = texts[language];
  const names = stations.map(
    (station) => html`<li>${language === 'ru' ? station.nameRu : station.nameEn}</li>`,
  );
  const body =
    stations.length === 0
      ? html`<p>${t.none}</p>`
      : html`<p>${t.some}</p>
<ul class="risk-stations">${names}</ul>`;
  return html`<section class="risk-note" aria-labelledby="risk-note-title">
<h2 id="risk-note-title">${t.title}</h2>
${body}
<p class="muted">${t.how}</p>
</section>`;
}
