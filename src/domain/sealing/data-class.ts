/**
 * Every field Habeas stores is one of two classes. Operational fields stay in clear because
 * queries, alerts, rules and statistics need them (ids, statuses, kinds, times, place ids).
 * Personal fields identify or describe a person and are sealed with the case's key.
 */
export type DataClass = 'operational' | 'personal';

/** The class of every field of an entity, checked against the entity's type. */
export type DataClasses<Entity> = { readonly [Field in keyof Entity]-?: DataClass };

/** The names of an entity's personal fields, which storage must seal. */
export function personalFields<Entity>(classes: DataClasses<Entity>): (keyof Entity & string)[] {
  return (Object.keys(classes) as (keyof Entity & string)[]).filter(
    (field) => classes[field] === 'personal',
  );
}
