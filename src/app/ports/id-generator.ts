/** Time-ordered unique ids (UUIDv7), so that inserts stay local in every index. */
export interface IdGenerator {
  newId(): string;
}
