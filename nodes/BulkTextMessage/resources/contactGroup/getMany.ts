import type { INodeProperties } from 'n8n-workflow';
import { pagingFields } from '../pagingFields';

export const contactGroupGetManyDescription: INodeProperties[] = pagingFields('contactGroup', 'getAll');
