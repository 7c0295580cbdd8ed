import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceDetailsRequest } from '../../contracts/places.ts';
import type { PlaceKind } from '../../domain/places/place.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { TextField } from '../ui/text-field.tsx';
import {
  type CoordinateProblem,
  detailsOf,
  type PlaceFieldValues,
  placeFieldMessage,
} from './place-fields.ts';

type PlaceFormProps = {
  /** Lines are asked only of a metro station; null while the kind is not chosen yet. */
  kind: PlaceKind | null;
  initial: PlaceFieldValues;
  /** Whether the English name may be left for the server to transliterate. */
  nameEnOptional: boolean;
  submitLabel: string;
  submitting: boolean;
  error: unknown;
  onSubmit: (details: PlaceDetailsRequest) => void;
  onCancel?: () => void;
  /** Said before the buttons, e.g. that a change needs confirming again. */
  note?: string;
};

/** The fields of a place: names, address, coordinates and, for a station, its lines. */
export function PlaceForm({
  kind,
  initial,
  nameEnOptional,
  submitLabel,
  submitting,
  error,
  onSubmit,
  onCancel,
  note,
}: PlaceFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<readonly CoordinateProblem[]>([]);

  const set = (field: keyof PlaceFieldValues) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setProblems([]);
  };
  const coordinateMessage = (field: 'lat' | 'lon') => {
    const problem = problems.find((candidate) => candidate.field === field);
    if (problem !== undefined) return t(`places.${problem.problem}`);
    return placeFieldMessage(error, `location.${field}`);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = detailsOf(values);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    onSubmit(result.details);
  };

  return (
    <form className="place-form" onSubmit={submit} noValidate>
      <TextField
        label={t('places.nameRu')}
        value={values.nameRu}
        onChange={set('nameRu')}
        maxLength={200}
        error={placeFieldMessage(error, 'nameRu')}
      />
      <TextField
        label={t('places.nameEn')}
        hint={nameEnOptional ? t('places.nameEnHint') : undefined}
        value={values.nameEn}
        onChange={set('nameEn')}
        maxLength={200}
        lang="en"
        error={placeFieldMessage(error, 'nameEn')}
      />
      <TextField
        label={t('places.addressRu')}
        value={values.addressRu}
        onChange={set('addressRu')}
        maxLength={300}
        error={placeFieldMessage(error, 'addressRu')}
      />
      <div className="coordinates">
        <TextField
          label={t('places.lat')}
          hint={t('places.coordinatesHint')}
          value={values.lat}
          onChange={set('lat')}
          inputMode="decimal"
          error={coordinateMessage('lat')}
        />
        <TextField
          label={t('places.lon')}
          value={values.lon}
          onChange={set('lon')}
          inputMode="decimal"
          error={coordinateMessage('lon')}
        />
      </div>
      {kind === 'metro-station' ? (
        <TextField
          label={t('places.metroLines')}
          hint={t('places.metroLinesHint')}
          value={values.metroLines}
          onChange={set('metroLines')}
          error={placeFieldMessage(error, 'metroLines')}
        />
      ) : null}
      {note ? <p className="hint">{note}</p> : null}
      <ErrorAlert error={error} />
      <div className="inline-actions">
        <button type="submit" className="primary" disabled={submitting}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel} disabled={submitting}>
            {t('places.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
