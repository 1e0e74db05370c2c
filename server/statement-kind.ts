// The kind of a database statement as metrics and traces label it, without loading either.
/** The kind of a statement, from Kysely's query node ("SelectQueryNode" → "select"). */
export function statementKind(kind: string | undefined): string {
  switch (kind) {
    case 'SelectQueryNode':
      return 'select';
    case 'InsertQueryNode':
      return 'insert';
    case 'UpdateQueryNode':
      return 'update';
    case 'DeleteQueryNode':
      return 'delete';
    case 'RawNode':
      return 'raw';
    default:
      return 'other';
  }
}
