import type { INodeProperties } from 'n8n-workflow';
import { pagingFields } from '../pagingFields';

export const contactGetManyDescription: INodeProperties[] = pagingFields('contact', 'getAll');
