defmodule MyShop.Application do
  @moduledoc "A shop backend."

  use Application

  @impl true
  def start(_type, _args) do
    MyShop.Root.start_link([])
  end
end
