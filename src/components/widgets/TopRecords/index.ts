export { TopRecords } from './TopRecords';
export { TopRecordsView, type TopRecordsViewProps } from './TopRecordsView';
