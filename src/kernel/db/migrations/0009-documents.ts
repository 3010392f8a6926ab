import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

type Col = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/** Văn bản (document library) and Góp ý dự thảo (drafts open for comment): tables in src/kernel/db/tables/documents.ts. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const pk: Col = (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const site: Col = (c) => c.notNull().references('sites.id').onDelete('cascade');
  const text: Col = (c) => c.notNull().defaultTo('');

  await db.schema
    .createTable('document_types')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', site)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_types_site').on('document_types').columns(['site_id', 'position']).execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', site)
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('number_fold', 'text', (c) => c.notNull())
    .addColumn('number_code', 'text', (c) => c.notNull())
    // A type in use cannot be deleted (the command says so first; the key makes sure).
    .addColumn('type_id', 'integer', (c) => c.notNull().references('document_types.id').onDelete('restrict'))
    .addColumn('issuer', 'text', text)
    .addColumn('signer', 'text', text)
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('field', 'text', text)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('consultation_until', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('search_fold', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('documents_site_code').on('documents').columns(['site_id', 'number_code']).unique().execute();
  await db.schema.createIndex('documents_site_issued').on('documents').columns(['site_id', 'published', 'issued_on']).execute();
  await db.schema.createIndex('documents_type').on('documents').column('type_id').execute();

  await db.schema
    .createTable('document_files')
    .addColumn('id', idType, pk)
    .addColumn('site_id', 'integer', site)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('disk_path', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('ext', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_files_document').on('document_files').columns(['document_id', 'id']).execute();

  await db.schema
    .createTable('document_relations')
    .addColumn('site_id', 'integer', site)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('related_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('document_relations_pk', ['document_id', 'related_id'])
    .execute();
  await db.schema.createIndex('document_relations_related').on('document_relations').column('related_id').execute();
}
