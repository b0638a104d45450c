export const JWT_SIGNING = Symbol('JWT_SIGNING');
