export { DUMMY_HASH, hashPassword, verifyPassword } from '@coalition/infra';
