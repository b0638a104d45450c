import type { components } from '@coalition/api-client';

// Names for the api's own schemas (generated from its OpenAPI document; never written by hand).
type Schemas = components['schemas'];
export type Compact = Schemas['Compact'];
export type CompactMember = Schemas['CompactMember'];
export type CompactSummary = Schemas['CompactSummary'];
export type Proposal = Schemas['Proposal'];
export type Pledge = Schemas['Pledge'];
export type ResourceRequest = Schemas['Request'];
export type Offer = Schemas['Offer'];
export type Reimbursement = Schemas['Reimbursement'];
export type CommandResult = Schemas['CommandResult'];
export type VoteChoice = Schemas['CastVoteRequest']['choice'];
export type RatificationKind = Schemas['RatifyCompactRequest']['kind'];
export type ProposalKind = Schemas['OpenProposalRequest']['kind'];
export type VotingRule = Schemas['VotingRuleDto'];
export type ReimbursementCategories = Schemas['ReimbursementCategoriesDto'];
export type DraftCompactBody = Schemas['DraftCompactRequest'];
export type RatifyBody = Schemas['RatifyCompactRequest'];
export type OpenProposalBody = Schemas['OpenProposalRequest'];
export type MakePledgeBody = Schemas['MakePledgeRequest'];
export type MakeRequestBody = Schemas['MakeRequestRequest'];
export type MakeOfferBody = Schemas['MakeOfferRequest'];
export type ClaimReimbursementBody = Schemas['ClaimReimbursementRequest'];
export type ChangePasswordBody = Schemas['ChangePasswordRequest'];
