export { ResourceIdPipe } from '../common/http/resource-id.pipe';
