import { PageTitle } from '../components/page-title';

export function placeholderPage(title: string, what: string) {
  return function PlaceholderPage() {
    return (
      <>
        <PageTitle title={title}>{title}</PageTitle>
        <p>{what} are not in the console yet; the API serves them (see API docs at /docs).</p>
      </>
    );
  };
}
