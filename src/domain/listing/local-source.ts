/**
 * The source of the meetings volunteers add in the directory itself (imports bring the rest).
 * No import may use the name, so no feed can overwrite or prune them.
 */
export const LOCAL_SOURCE = 'greendoor';
