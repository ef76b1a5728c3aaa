import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { directoryCrudRoutes } from './directory-crud.routes.ts';
import * as schemas from './staff-directory.schemas.ts';
import * as directory from './staff-directory.service.ts';

/** Teams, people and tracked entities: everyone reads, admins edit. */
export function staffDirectoryRoutes(app: FastifyInstance, ctx: AppContext): void {
  directoryCrudRoutes(app, ctx, {
    path: 'staff-teams',
    idParam: 'teamId',
    item: schemas.teamSchema,
    createBody: schemas.createTeamBody,
    updateBody: schemas.updateTeamBody,
    summaries: {
      list: 'Staff teams',
      create: 'Add a team',
      update: 'Change a team',
      remove: 'Remove a team (its people stay)',
    },
    list: directory.listTeams,
    create: directory.createTeam,
    update: directory.updateTeam,
    remove: directory.deleteTeam,
  });
  directoryCrudRoutes(app, ctx, {
    path: 'staff-people',
    idParam: 'personId',
    item: schemas.personSchema,
    createBody: schemas.createPersonBody,
    updateBody: schemas.updatePersonBody,
    summaries: {
      list: 'Staff people',
      create: 'Add a person (name, nicknames, team, email, optional user)',
      update: 'Change a person',
      remove: 'Remove a person',
    },
    list: directory.listPeople,
    create: directory.createPerson,
    update: directory.updatePerson,
    remove: directory.deletePerson,
  });
  directoryCrudRoutes(app, ctx, {
    path: 'tracked-entities',
    idParam: 'entityId',
    item: schemas.entitySchema,
    createBody: schemas.createEntityBody,
    updateBody: schemas.updateEntityBody,
    summaries: {
      list: 'Brand, products, features and competitors',
      create: 'Track a brand, product, feature or competitor',
      update: 'Change a tracked entity',
      remove: 'Stop tracking an entity',
    },
    list: directory.listEntities,
    create: directory.createEntity,
    update: directory.updateEntity,
    remove: directory.deleteEntity,
  });
}
