/** `{}`: closing takes no input; unknown properties are refused like everywhere else. */
export class CloseProposalRequest {}
