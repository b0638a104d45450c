/** Commands whose body is `{}`: the strict pipe still refuses any property sent with them. */
export class EmptyRequest {}
