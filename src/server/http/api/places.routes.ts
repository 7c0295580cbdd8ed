import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { addPlace, type PlaceOutcome } from '../../../app/places/add-place.ts';
import { confirmPlace } from '../../../app/places/confirm-place.ts';
import { editPlace } from '../../../app/places/edit-place.ts';
import { findPlace } from '../../../app/places/find-place.ts';
import { listPlaces } from '../../../app/places/list-places.ts';
import type { Ports } from '../../../app/ports/ports.ts';
import { errorBody } from '../../../contracts/error-body.ts';
import {
  listPlacesQuery,
  newPlaceRequest,
  type PlaceResponse,
  placeDetailsRequest,
  placeIdParams,
  placeListResponse,
  placeResponse,
} from '../../../contracts/places.ts';
import type { Place } from '../../../domain/places/place.ts';
import { InputValidationError } from '../errors/input-validation.ts';
import { requireStaff } from '../plugins/staff-session.ts';

const tags = ['places'];
const errors = { '4xx': errorBody };

function placeBody(place: Place): PlaceResponse {
  const { orgId: _orgId, confirmedAt, createdAt, updatedAt, ...rest } = place;
  return {
    ...rest,
    confirmedAt: confirmedAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

/** A place refused by the domain's checks, reported like the contract's own: a 400 per field. */
function placed(outcome: PlaceOutcome): PlaceResponse {
  if (outcome.ok) return placeBody(outcome.place);
  throw new InputValidationError(
    outcome.problems.map(
      (problem): z.core.$ZodIssue => ({
        code: 'custom',
        path: problem.path,
        message: problem.message.en,
        params: { message: problem.message },
        input: undefined,
      }),
    ),
  );
}

export const placesRoutes: FastifyPluginAsyncZod<{ ports: Ports }> = async (app, { ports }) => {
  app.get(
    '/api/v1/places',
    {
      config: { audience: { staff: 'place.list' } },
      schema: {
        tags,
        summary:
          'The organisation’s places by kind, searched by name in either script (metro stations, conscription centres, police stations, courts, prosecutor’s offices)',
        querystring: listPlacesQuery,
        response: { 200: placeListResponse, ...errors },
      },
    },
    async (request) => {
      const { kind, q, limit } = request.query;
      const places = await listPlaces(ports, requireStaff(request), {
        kinds: kind === undefined ? [] : [kind].flat(),
        query: q ?? '',
        limit,
      });
      return { places: places.map(placeBody) };
    },
  );

  app.get(
    '/api/v1/places/:placeId',
    {
      config: { audience: { staff: 'place.list' } },
      schema: {
        tags,
        summary: 'One place of the organisation',
        params: placeIdParams,
        response: { 200: placeResponse, ...errors },
      },
    },
    async (request) =>
      placeBody(await findPlace(ports, requireStaff(request), request.params.placeId)),
  );

  app.post(
    '/api/v1/places',
    {
      config: { audience: { staff: 'place.edit' } },
      schema: {
        tags,
        summary: 'Add a place the list lacks; it stays unverified until confirmed',
        body: newPlaceRequest,
        response: { 201: placeResponse, ...errors },
      },
    },
    async (request, reply) => {
      const outcome = await addPlace(ports, requireStaff(request), request.body);
      return reply.status(201).send(placed(outcome));
    },
  );

  app.put(
    '/api/v1/places/:placeId',
    {
      config: { audience: { staff: 'place.edit' } },
      schema: {
        tags,
        summary:
          'Replace a place’s names, address, coordinates and lines; a change makes it unverified until confirmed again',
        params: placeIdParams,
        body: placeDetailsRequest,
        response: { 200: placeResponse, ...errors },
      },
    },
    async (request) =>
      placed(
        await editPlace(ports, requireStaff(request), {
          placeId: request.params.placeId,
          ...request.body,
        }),
      ),
  );

  app.post(
    '/api/v1/places/:placeId/confirm',
    {
      config: { audience: { staff: 'place.manage' } },
      schema: {
        tags,
        summary: 'Confirm a place as it now reads, for the organisation (admins and coordinators)',
        params: placeIdParams,
        response: { 200: placeResponse, ...errors },
      },
    },
    async (request) =>
      placeBody(await confirmPlace(ports, requireStaff(request), request.params.placeId)),
  );
};
