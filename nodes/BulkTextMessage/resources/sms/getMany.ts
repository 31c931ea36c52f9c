import type { INodeProperties } from 'n8n-workflow';
import { pagingFields } from '../pagingFields';

export const smsGetManyDescription: INodeProperties[] = pagingFields('sms', 'getAll');
