import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

type Col = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/** Giới thiệu: the agency, its units and its people, each with its English texts (src/kernel/db/tables/organisation.ts). */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const pk: Col = (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const text: Col = (c) => c.notNull().defaultTo('');
  const site: Col = (c) => c.notNull().references('sites.id').onDelete('cascade');
  const required: Col = (c) => c.notNull();

  await db.schema
    .createTable('org_agency')
    .addColumn('site_id', 'integer', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
    .addColumn('name', 'text', required)
    .addColumn('name_en', 'text', text)
    .addColumn('address', 'text', text)
    .addColumn('address_en', 'text', text)
    .addColumn('phone', 'text', text)
    .addColumn('fax', 'text', text)
    .addColumn('email', 'text', text)
    .addColumn('website', 'text', text)
    .addColumn('hours', 'text', text)
    .addColumn('hours_en', 'text', text)
    .addColumn('duties', 'text', text)
    .addColumn('duties_en', 'text', text)
    .addColumn('vi_updated_at', 'text', required)
    .addColumn('en_updated_at', 'text')
    .addColumn('updated_at', 'text', required)
    .execute();

  await db.schema
    .createTable('org_units')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', site)
    // No cascade: a unit is deleted only when it has no sub-units and no people.
    .addColumn('parent_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('name', 'text', required)
    .addColumn('name_en', 'text', text)
    .addColumn('duties', 'text', text)
    .addColumn('duties_en', 'text', text)
    .addColumn('phone', 'text', text)
    .addColumn('email', 'text', text)
    .addColumn('vi_updated_at', 'text', required)
    .addColumn('en_updated_at', 'text')
    .addColumn('created_at', 'text', required)
    .addColumn('updated_at', 'text', required)
    .execute();
  await db.schema.createIndex('org_units_site').on('org_units').columns(['site_id', 'parent_id', 'position']).execute();

  await db.schema
    .createTable('org_people')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', site)
    .addColumn('unit_id', 'integer', (c) => c.references('org_units.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('full_name', 'text', required)
    .addColumn('post', 'text', required)
    .addColumn('post_en', 'text', text)
    .addColumn('phone', 'text', text)
    .addColumn('email', 'text', text)
    .addColumn('photo_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('is_leader', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('vi_updated_at', 'text', required)
    .addColumn('en_updated_at', 'text')
    .addColumn('created_at', 'text', required)
    .addColumn('updated_at', 'text', required)
    .execute();
  await db.schema.createIndex('org_people_site').on('org_people').columns(['site_id', 'position']).execute();
  await db.schema.createIndex('org_people_unit').on('org_people').column('unit_id').execute();
}
