/** The body is `{}`: the signing state is the caller's own. Any property is refused. */
export class SignLegalActionRequest {}
