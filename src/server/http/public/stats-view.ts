import type { Campaign } from '../../../domain/campaigns/campaign.ts';
import {
  type PlaceGroup,
  type PublicStats,
  type PublishedCounts,
  type StatsKind,
  statsKinds,
} from '../../../domain/stats/public-stats.ts';
import type { Language } from '../language.ts';
import { type Html, html } from './html.ts';
import { barChart, columnChart, countText, placesMap } from './stats-charts.ts';

const texts = {
  ru: {
    title: 'Статистика задержаний призывников',
    lead: 'Задержания призывников и что было после них — по сообщениям, которые получила группа, и только по делам, которые группа разрешила публиковать. Это не все задержания в стране, а только те, о которых сообщили нам.',
    rule: 'Числа меньше 10 показаны как «<10». Чтобы такое число нельзя было вычислить вычитанием из итогов, некоторые большие числа тоже скрыты — они показаны как «≥10». Даты — с точностью до недели (неделя ISO, с понедельника, по московскому времени).',
    totals: 'Всего',
    byWeek: 'Задержания по неделям',
    byWeekDescription:
      'Столбец — неделя, высота — число задержаний. Пунктирный контур — скрытое число. Те же числа — в таблице ниже.',
    weekTable: 'Все показатели по неделям',
    week: 'Неделя',
    from: 'с',
    byCampaign: 'По призывным кампаниям',
    campaignNote: 'Неделя относится к кампании, в которую попадает её четверг.',
    outside: 'Вне призывной кампании',
    campaign: 'Кампания',
    byGroup: 'По видам мест',
    group: 'Вид места',
    map: 'Карта мест',
    mapDescription:
      'Места, где задерживали, доставляли, не пускали адвоката; размер круга — по большему из чисел задержаний и доставлений, кольцо — только скрытые числа. Север сверху. Названия и числа — в таблице ниже.',
    places: 'По местам',
    place: 'Место',
    osm: 'Названия и координаты станций метро: © участники OpenStreetMap, лицензия ODbL 1.0.',
    context: 'Призывные кампании: сколько призывают по указам',
    contextNote:
      'План призыва по указу Президента — это не число задержанных. Источники — по ссылкам.',
    dates: 'Сроки',
    decree: 'Указ',
    quota: 'План призыва',
    sources: 'Источники',
    yearTotal: 'Всего за год по указам',
    openData: 'Открытые данные',
    openDataLead: 'Те же таблицы с тем же скрытием малых чисел, по неделям, без дней:',
    schema: 'Описание полей (Data Package)',
    licence:
      'Лицензия: таблицы недель и кампаний — CC BY 4.0; таблица мест содержит данные OpenStreetMap и распространяется по ODbL 1.0. Ссылайтесь на Habeas и на участников OpenStreetMap.',
    nothing: 'Пока нечего показать: ни одно дело не отмечено для публикации.',
  },
  en: {
    title: 'Detentions of conscripts: statistics',
    lead: 'Detentions of conscripts and what followed, from the reports the group received, and only from cases the group allowed to publish. These are not all detentions in the country, only those reported to us.',
    rule: 'Counts below 10 show as “<10”. So that such a count cannot be worked out by subtracting from a total, some larger counts are hidden too and show as “≥10”. Dates are given to the week (ISO weeks from Monday, Moscow time).',
    totals: 'In total',
    byWeek: 'Detentions by week',
    byWeekDescription:
      'Each column is a week, its height the number of detentions. A dashed outline is a hidden count. The table below holds the same numbers.',
    weekTable: 'Every measure by week',
    week: 'Week',
    from: 'from',
    byCampaign: 'By conscription campaign',
    campaignNote: 'A week counts in the campaign its Thursday falls in.',
    outside: 'Outside any campaign',
    campaign: 'Campaign',
    byGroup: 'By kind of place',
    group: 'Kind of place',
    map: 'Map of places',
    mapDescription:
      'Places where people were detained, taken or where a lawyer was turned away; circle size by the larger of detentions and transfers, a ring has hidden counts only. North is up. Names and numbers are in the table below.',
    places: 'By place',
    place: 'Place',
    osm: 'Metro station names and coordinates: © OpenStreetMap contributors, ODbL 1.0.',
    context: 'Conscription campaigns: how many men the decrees call up',
    contextNote:
      'The call-up set by a presidential decree is not a number of detentions. Sources are linked.',
    dates: 'Dates',
    decree: 'Decree',
    quota: 'Call-up',
    sources: 'Sources',
    yearTotal: 'Total for the year by decree',
    openData: 'Open data',
    openDataLead:
      'The same tables with the same suppression of small counts, by week, never by day:',
    schema: 'Field descriptions (Data Package)',
    licence:
      'Licence: the weeks and campaigns tables CC BY 4.0; the places table holds OpenStreetMap data and is under ODbL 1.0. Credit Habeas and the OpenStreetMap contributors.',
    nothing: 'Nothing to show yet: no case is marked for publication.',
  },
} satisfies Record<Language, Record<string, string>>;

export const kindLabels: Record<Language, Record<StatsKind, string>> = {
  ru: {
    detained: 'Задержания',
    transferred: 'Доставлены в другое место',
    'lawyer-refused-entry': 'Адвоката не пустили',
    released: 'Отпущены',
    'sent-to-unit': 'Отправлены в часть',
  },
  en: {
    detained: 'Detentions',
    transferred: 'Taken elsewhere',
    'lawyer-refused-entry': 'Lawyer turned away',
    released: 'Released',
    'sent-to-unit': 'Sent to a unit',
  },
};

export const groupLabels: Record<Language, Record<PlaceGroup, string>> = {
  ru: {
    'metro-station': 'Станции метро',
    'conscription-centre': 'Военкоматы и сборные пункты',
    'police-station': 'Отделы полиции',
    court: 'Суды',
    'military-prosecutor': 'Военная прокуратура',
    other: 'Другие места',
    unrecorded: 'Место не указано',
  },
  en: {
    'metro-station': 'Metro stations',
    'conscription-centre': 'Conscription centres and assembly points',
    'police-station': 'Police stations',
    court: 'Courts',
    'military-prosecutor': 'Military prosecutors',
    other: 'Other places',
    unrecorded: 'Place not recorded',
  },
};

function dateText(date: string, language: Language): string {
  return language === 'ru' ? `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}` : date;
}

function numberText(value: number, language: Language): string {
  return value.toLocaleString(language === 'ru' ? 'ru-RU' : 'en-GB');
}

/** A table of rows by every measure; the first column names the row. */
function measureTable(input: {
  caption: string;
  head: string;
  rows: readonly { label: Html | string; counts: PublishedCounts }[];
  language: Language;
}): Html {
  const labels = kindLabels[input.language];
  const head = statsKinds.map((kind) => html`<th scope="col">${labels[kind]}</th>`);
  const rows = input.rows.map(
    (row) =>
      html`<tr><th scope="row">${row.label}</th>${statsKinds.map((kind) => html`<td>${countText(row.counts[kind], input.language)}</td>`)}</tr>`,
  );
  // A wide table scrolls sideways on a phone; the keyboard must reach it to scroll it too.
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="${input.caption}"><table class="stats">
<caption>${input.caption}</caption>
<thead><tr><th scope="col">${input.head}</th>${head}</tr></thead>
<tbody>
${rows.map((row) => html`${row}\n`)}</tbody>
</table></div>`;
}

function campaignName(campaign: Campaign | null, language: Language): string {
  return campaign === null ? texts[language].outside : campaign.name[language];
}

/** Quotas of every shipped campaign, and per year the sum of its decrees when there are several. */
function campaignContext(campaigns: readonly Campaign[], language: Language): Html {
  const t = texts[language];
  const rows = campaigns.map(
    (campaign) =>
      html`<tr><th scope="row">${campaign.name[language]}</th><td>${dateText(campaign.startsOn, language)} — ${dateText(campaign.endsOn, language)}</td><td>${campaign.decree.title[language]}</td><td>${campaign.quota === null ? '—' : numberText(campaign.quota, language)}</td><td>${campaign.decree.sourceUrls.map((url, index) => html`${index > 0 ? ' ' : ''}<a href="${url}" rel="noreferrer">[${index + 1}]</a>`)}</td></tr>`,
  );
  const years = new Map<string, Campaign[]>();
  for (const campaign of campaigns) {
    const year = campaign.startsOn.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), campaign]);
  }
  const yearly = [...years]
    .filter(
      ([, ofYear]) => ofYear.length > 1 && ofYear.every((campaign) => campaign.quota !== null),
    )
    .map(([year, ofYear]) => {
      const parts = ofYear.map((campaign) => numberText(campaign.quota ?? 0, language)).join(' + ');
      const sum = ofYear.reduce((total, campaign) => total + (campaign.quota ?? 0), 0);
      return html`<li>${t.yearTotal} ${year}: ${parts} = ${numberText(sum, language)}</li>`;
    });
  return html`<section aria-labelledby="context-title">
<h2 id="context-title">${t.context}</h2>
<p class="muted">${t.contextNote}</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="${t.context}"><table class="stats">
<thead><tr><th scope="col">${t.campaign}</th><th scope="col">${t.dates}</th><th scope="col">${t.decree}</th><th scope="col">${t.quota}</th><th scope="col">${t.sources}</th></tr></thead>
<tbody>
${rows.map((row) => html`${row}\n`)}</tbody>
</table></div>
${yearly.length > 0 ? html`<ul>${yearly}</ul>` : html``}
</section>`;
}

/** The dashboard's body: every table and chart from the published statistics only. */
export function statsPageBody(input: {
  stats: PublicStats;
  campaigns: readonly Campaign[];
  language: Language;
}): Html {
  const { stats, language } = input;
  const t = texts[language];
  const labels = kindLabels[language];
  const totals = statsKinds.map(
    (kind) => html`<dt>${labels[kind]}</dt><dd>${countText(stats.totals[kind], language)}</dd>`,
  );
  const openData = html`<section aria-labelledby="open-data-title">
<h2 id="open-data-title">${t.openData}</h2>
<p>${t.openDataLead}</p>
<ul>
<li><a href="/open-data/detentions.csv">detentions.csv</a> (weeks), <a href="/open-data/detentions.csv?table=campaigns">campaigns</a>, <a href="/open-data/detentions.csv?table=places">places</a></li>
<li><a href="/open-data/detentions.json">detentions.json</a></li>
<li><a href="/open-data/datapackage.json">${t.schema}</a></li>
</ul>
<p class="muted">${t.licence}</p>
</section>`;
  const header = html`<h1>${t.title}</h1>
<p>${t.lead}</p>
<p class="muted">${t.rule}</p>`;
  if (stats.weeks.length === 0) {
    return html`${header}
<p>${t.nothing}</p>
${campaignContext(input.campaigns, language)}
${openData}`;
  }

  const weekLabel = (week: PublicStats['weeks'][number]) =>
    `${week.week} (${t.from} ${dateText(week.monday, language)})`;
  const mapped = stats.places.flatMap(({ place, counts }) =>
    place.location === null
      ? []
      : [
          {
            label: `${language === 'ru' ? place.nameRu : place.nameEn}: ${labels.detained} ${countText(counts.detained, language)}, ${labels.transferred} ${countText(counts.transferred, language)}`,
            location: place.location,
            counts: [counts.detained, counts.transferred],
          },
        ],
  );
  const fromOsm = stats.places.some(({ place }) => place.sourceKey?.startsWith('osm:') === true);

  return html`${header}
<section aria-labelledby="totals-title">
<h2 id="totals-title">${t.totals}</h2>
<dl class="facts">${totals}</dl>
</section>
<section aria-labelledby="weeks-title">
<h2 id="weeks-title">${t.byWeek}</h2>
${columnChart({
  id: 'weeks-chart',
  title: t.byWeek,
  description: t.byWeekDescription,
  bars: stats.weeks.map((week) => ({ label: weekLabel(week), count: week.counts.detained })),
  language,
})}
${measureTable({
  caption: t.weekTable,
  head: t.week,
  rows: stats.weeks.map((week) => ({ label: weekLabel(week), counts: week.counts })),
  language,
})}
</section>
<section aria-labelledby="campaigns-title">
<h2 id="campaigns-title">${t.byCampaign}</h2>
${barChart({
  id: 'campaigns-chart',
  title: `${t.byCampaign}: ${labels.detained}`,
  description: t.campaignNote,
  bars: stats.campaigns.map((row) => ({
    label: campaignName(row.campaign, language),
    count: row.counts.detained,
  })),
  language,
})}
${measureTable({
  caption: `${t.byCampaign}. ${t.campaignNote}`,
  head: t.campaign,
  rows: stats.campaigns.map((row) => ({
    label: campaignName(row.campaign, language),
    counts: row.counts,
  })),
  language,
})}
</section>
<section aria-labelledby="groups-title">
<h2 id="groups-title">${t.byGroup}</h2>
${measureTable({
  caption: t.byGroup,
  head: t.group,
  rows: stats.placeGroups.map((row) => ({
    label: groupLabels[language][row.group],
    counts: row.counts,
  })),
  language,
})}
</section>
<section aria-labelledby="map-title">
<h2 id="map-title">${t.map}</h2>
${
  mapped.length === 0
    ? html``
    : placesMap({
        id: 'places-map',
        title: t.map,
        description: t.mapDescription,
        points: mapped,
        language,
      })
}
${fromOsm ? html`<p class="muted">${t.osm}</p>` : html``}
${measureTable({
  caption: t.places,
  head: t.place,
  rows: stats.places.map(({ place, counts }) => ({
    label: language === 'ru' ? place.nameRu : place.nameEn,
    counts,
  })),
  language,
})}
</section>
${campaignContext(input.campaigns, language)}
${openData}`;
}
